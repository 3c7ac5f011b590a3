/// A JSON document built in memory and written canonically: sorted keys, two-space indent, `"key": value`,
/// trailing newline. The same value always renders to the same bytes.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An object from key-value pairs whose values may be absent (absent keys are left out).
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in pairs {
            if let value { object[key] = value }
        }
        return .object(object)
    }
}

/// Something the plan writes into its canonical JSON.
public protocol JSONRepresentable {
    var json: JSONValue { get }
}

extension String: JSONRepresentable { public var json: JSONValue { .string(self) } }
extension Bool: JSONRepresentable { public var json: JSONValue { .bool(self) } }
extension Int: JSONRepresentable { public var json: JSONValue { .int(Int64(self)) } }
extension Int64: JSONRepresentable { public var json: JSONValue { .int(self) } }
extension Double: JSONRepresentable { public var json: JSONValue { .double(self) } }
extension Array: JSONRepresentable where Element: JSONRepresentable { public var json: JSONValue { .array(map(\.json)) } }
extension Dictionary: JSONRepresentable where Key == String, Value: JSONRepresentable {
    public var json: JSONValue { .object(mapValues(\.json)) }
}
