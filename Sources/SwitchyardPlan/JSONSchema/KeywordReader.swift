/// Reads one schema object's keyword values, with the specification's type rules.
struct KeywordReader {
    let members: [String: JSONValue]
    let pointer: String

    func object(_ keyword: String) throws(JSONSchemaError) -> [String: JSONValue]? {
        guard let value = members[keyword] else { return nil }
        guard case .object(let object) = value else { throw invalid(keyword, "must be an object") }
        return object
    }

    func array(_ keyword: String) throws(JSONSchemaError) -> [JSONValue]? {
        guard let value = members[keyword] else { return nil }
        guard case .array(let items) = value else { throw invalid(keyword, "must be an array") }
        return items
    }

    func strings(_ keyword: String) throws(JSONSchemaError) -> [String]? {
        guard let items = try array(keyword) else { return nil }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw invalid(keyword, "must be an array of strings") }
            result.append(text)
        }
        return result
    }

    func string(_ keyword: String) throws(JSONSchemaError) -> String? {
        guard let value = members[keyword] else { return nil }
        guard case .string(let text) = value else { throw invalid(keyword, "must be a string") }
        return text
    }

    func bool(_ keyword: String) throws(JSONSchemaError) -> Bool? {
        guard let value = members[keyword] else { return nil }
        guard case .bool(let flag) = value else { throw invalid(keyword, "must be a boolean") }
        return flag
    }

    func number(_ keyword: String) throws(JSONSchemaError) -> Double? {
        guard let value = members[keyword] else { return nil }
        guard let number = value.number else { throw invalid(keyword, "must be a number") }
        return number
    }

    /// A non-negative integer (`1.0` allowed, as the specification allows).
    func count(_ keyword: String) throws(JSONSchemaError) -> Int? {
        guard let number = try number(keyword) else { return nil }
        guard number >= 0, number == number.rounded(), number < Double(Int.max) else {
            throw invalid(keyword, "must be a non-negative integer")
        }
        return Int(number)
    }

    /// `type`: one type name or a non-empty array of them.
    func types() throws(JSONSchemaError) -> [JSONSchemaType]? {
        guard let value = members["type"] else { return nil }
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let items) where !items.isEmpty: names = items
        default: throw invalid("type", "must be a type name or a non-empty array of type names")
        }
        var types: [JSONSchemaType] = []
        for name in names {
            guard case .string(let text) = name, let type = JSONSchemaType(rawValue: text) else {
                throw invalid("type", "names an unknown type \(name.compactText) (expected one of \(JSONSchemaType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            types.append(type)
        }
        return types
    }

    private func invalid(_ keyword: String, _ reason: String) -> JSONSchemaError {
        .invalidKeyword(keyword, pointer: pointer, reason: reason)
    }
}
