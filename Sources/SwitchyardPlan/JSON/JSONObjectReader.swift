/// Why a JSON document does not have the shape a plan needs: the key path and what is wrong there.
public struct PlanShapeError: Error, CustomStringConvertible, Equatable {
    /// Dotted path of the offending value (`models.m.routing[0].type`).
    public var path: String
    public var reason: String

    public var description: String { path.isEmpty ? reason : "`\(path)`: \(reason)" }
}

/// Reads the members of one JSON object, naming the key path in every error.
struct JSONObjectReader {
    let members: [String: JSONValue]
    let path: String

    init(_ value: JSONValue, path: String) throws(PlanShapeError) {
        guard case .object(let members) = value else { throw PlanShapeError(path: path, reason: "expected an object, found \(value.kindName)") }
        self.members = members
        self.path = path
    }

    /// The path of `key` inside this object.
    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { members[key] != nil }

    func value(_ key: String) throws(PlanShapeError) -> JSONValue {
        guard let value = members[key] else { throw PlanShapeError(path: path, reason: "missing field `\(key)`") }
        return value
    }

    func string(_ key: String) throws(PlanShapeError) -> String {
        let value = try value(key)
        guard case .string(let text) = value else { throw mismatch(key, "a string", value) }
        return text
    }

    func optionalString(_ key: String) throws(PlanShapeError) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(PlanShapeError) -> Int64 {
        let value = try value(key)
        guard case .int(let number) = value else { throw mismatch(key, "an integer", value) }
        return number
    }

    func optionalInt(_ key: String) throws(PlanShapeError) -> Int64? {
        has(key) ? try int(key) : nil
    }

    /// A number written with a fraction (`0.5`, `10.0`).
    func double(_ key: String) throws(PlanShapeError) -> Double {
        let value = try value(key)
        guard case .double(let number) = value else { throw mismatch(key, "a number with a fraction", value) }
        return number
    }

    func optionalBool(_ key: String) throws(PlanShapeError) -> Bool? {
        guard has(key) else { return nil }
        let value = try value(key)
        guard case .bool(let flag) = value else { throw mismatch(key, "a boolean", value) }
        return flag
    }

    func object(_ key: String) throws(PlanShapeError) -> JSONObjectReader {
        try JSONObjectReader(value(key), path: path(of: key))
    }

    func optionalObject(_ key: String) throws(PlanShapeError) -> JSONObjectReader? {
        has(key) ? try object(key) : nil
    }

    /// The elements of an array member, each with its path (`key[0]`).
    func array(_ key: String) throws(PlanShapeError) -> [(path: String, value: JSONValue)] {
        let value = try value(key)
        guard case .array(let items) = value else { throw mismatch(key, "an array", value) }
        return items.enumerated().map { ("\(path(of: key))[\($0.offset)]", $0.element) }
    }

    func optionalArray(_ key: String) throws(PlanShapeError) -> [(path: String, value: JSONValue)]? {
        has(key) ? try array(key) : nil
    }

    func strings(_ key: String) throws(PlanShapeError) -> [String] {
        var texts: [String] = []
        for item in try array(key) {
            guard case .string(let text) = item.value else { throw PlanShapeError(path: item.path, reason: "expected a string, found \(item.value.kindName)") }
            texts.append(text)
        }
        return texts
    }

    /// A string member that must be one of `Value`'s raw values.
    func choice<Value: RawRepresentable>(_ key: String, _: Value.Type) throws(PlanShapeError) -> Value where Value.RawValue == String {
        let text = try string(key)
        guard let value = Value(rawValue: text) else { throw PlanShapeError(path: path(of: key), reason: "unknown value `\(text)`") }
        return value
    }

    /// Every member of an object member, read by `body` in name order (so the first error reported is the same
    /// on every run), keyed as written.
    func map<Value>(_ key: String, _ body: (String, JSONValue, String) throws(PlanShapeError) -> Value) throws(PlanShapeError) -> [String: Value] {
        let object = try object(key)
        var result: [String: Value] = [:]
        result.reserveCapacity(object.members.count)
        for (name, value) in object.members.sorted(by: { $0.key < $1.key }) {
            result[name] = try body(name, value, object.path(of: name))
        }
        return result
    }

    private func mismatch(_ key: String, _ expected: String, _ value: JSONValue) -> PlanShapeError {
        PlanShapeError(path: path(of: key), reason: "expected \(expected), found \(value.kindName)")
    }
}

extension JSONValue {
    /// The value's JSON type, for messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number with a fraction"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
