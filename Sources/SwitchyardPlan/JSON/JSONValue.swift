/// A JSON document built in memory, for small documents whose shape is only known at run time. Its
/// objects' keys are sorted when it is written.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .int(let number): json.int(number)
        case .double(let number): json.double(number)
        case .string(let text): json.string(text)
        case .array(let items): items.encode(to: &json)
        case .object(let members): members.encode(to: &json)
        }
    }
}
