/// Something that writes itself as canonical JSON (`switchyard compile -o`, `check --format json`).
public protocol CanonicalJSONEncodable {
    /// Writes this value; an object writes its members in ascending key order.
    func encode(to json: inout CanonicalJSONWriter)
}

extension String: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) { json.string(self) }
}

extension Bool: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) { json.bool(self) }
}

extension Int: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) { json.int(Int64(self)) }
}

extension Int64: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) { json.int(self) }
}

extension Double: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) { json.double(self) }
}

extension Array: CanonicalJSONEncodable where Element: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.array(self) { json, element in element.encode(to: &json) }
    }
}

extension Dictionary: CanonicalJSONEncodable where Key == String, Value: CanonicalJSONEncodable {
    /// An object with the entries sorted by key.
    public func encode(to json: inout CanonicalJSONWriter) {
        let entries = sorted { $0.key < $1.key }
        json.object { json in
            for (key, value) in entries {
                json.key(named: key)
                value.encode(to: &json)
            }
        }
    }
}
