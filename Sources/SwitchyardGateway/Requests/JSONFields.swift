import Foundation
import SwitchyardConfig

/// Typed reads from one JSON object of a request body; a field of the wrong type is a 400.
struct JSONFields {
    let object: [String: Any]
    /// Where the object sits (`input.messages[0]`), for messages.
    let path: String

    init(_ object: [String: Any], path: String = "") {
        self.object = object
        self.path = path
    }

    /// Parses a request body that must be a JSON object.
    static func body(_ bytes: [UInt8]) throws -> JSONFields {
        let value: Any
        do {
            value = try JSONReader.value(bytes)
        } catch {
            throw GatewayError.badRequest("Failed to parse the request body as JSON: \(error.localizedDescription)")
        }
        guard let object = value as? [String: Any] else {
            throw GatewayError.badRequest("Failed to deserialize JSON: the request body must be a JSON object")
        }
        return JSONFields(object)
    }

    func has(_ key: String) -> Bool { raw(key) != nil }

    /// The member named `key`, `nil` when it is absent or `null`.
    func raw(_ key: String) -> Any? {
        guard let value = object[key], !isNull(value) else { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let value = raw(key) else { return nil }
        guard let text = value as? String else { throw wrongType(key, "a string") }
        return text
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = raw(key) else { return nil }
        guard let number = value as? NSNumber, isBoolean(number) else { throw wrongType(key, "a boolean") }
        return number.boolValue
    }

    func double(_ key: String) throws -> Double? {
        guard let value = raw(key) else { return nil }
        guard let number = value as? NSNumber, !isBoolean(number) else { throw wrongType(key, "a number") }
        return number.doubleValue
    }

    func int(_ key: String) throws -> Int? {
        guard let value = try double(key) else { return nil }
        guard value.rounded() == value, let integer = Int(exactly: value) else { throw wrongType(key, "an integer") }
        return integer
    }

    /// A `service_tier` string, which must be one TensorZero knows.
    func serviceTier(_ key: String) throws -> ServiceTier? {
        guard let text = try string(key) else { return nil }
        guard let tier = ServiceTier(rawValue: text) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(child(key))`: \(ServiceTier.unknownValueMessage(text))")
        }
        return tier
    }

    /// An integer that fits TensorZero's `i32` fields.
    func int32(_ key: String) throws -> Int32? {
        guard let value = try int(key) else { return nil }
        guard let small = Int32(exactly: value) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(child(key))`: \(Int32Field.outOfRangeMessage(value))")
        }
        return small
    }

    func fields(_ key: String) throws -> JSONFields? {
        guard let value = raw(key) else { return nil }
        guard let object = value as? [String: Any] else { throw wrongType(key, "an object") }
        return JSONFields(object, path: child(key))
    }

    func array(_ key: String) throws -> [Any]? {
        guard let value = raw(key) else { return nil }
        guard let array = value as? [Any] else { throw wrongType(key, "an array") }
        return array
    }

    /// A `{string: string}` map (`credentials`, `tags`).
    func stringMap(_ key: String) throws -> [String: String]? {
        guard let value = raw(key) else { return nil }
        guard let object = value as? [String: Any] else { throw wrongType(key, "a map of strings") }
        var map: [String: String] = [:]
        for (name, entry) in object {
            guard let text = entry as? String else { throw wrongType("\(key).\(name)", "a string") }
            map[name] = text
        }
        return map
    }

    /// A string or an array of strings (OpenAI's `stop`).
    func strings(_ key: String) throws -> [String]? {
        guard let value = raw(key) else { return nil }
        if let text = value as? String { return [text] }
        guard let array = value as? [Any], let texts = array as? [String] else { throw wrongType(key, "a string or an array of strings") }
        return texts
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func wrongType(_ key: String, _ expected: String) -> GatewayError {
        .badRequest("Failed to deserialize JSON: `\(child(key))`: invalid type, expected \(expected)")
    }
}

/// Whether a parsed JSON value is `null`. Compares the dynamic type: `value is NSNull` on a Swift array or
/// dictionary bridges the whole container to Foundation first, which cost more than the rest of the lookup.
func isNull(_ value: Any) -> Bool {
    type(of: value) == NSNull.self
}

/// Whether a JSON number came from `true`/`false` (JSONSerialization yields a boolean NSNumber, type `c`).
func isBoolean(_ number: NSNumber) -> Bool {
    String(cString: number.objCType) == "c"
}
