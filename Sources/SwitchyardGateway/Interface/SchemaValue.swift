import SwitchyardPlan

/// Bridges request JSON (as `JSONSerialization` parsed it) to the schema validator's values.
enum SchemaValue {
    /// `value` as a validator value (integers stay integers).
    static func from(_ value: Any) -> SwitchyardPlan.JSONValue? {
        guard let bytes = try? JSONBytes.encode(value) else { return nil }
        return try? JSONParser.parse(bytes)
    }

    /// `value` (a schema sent with a request) compiled, or a 400 naming what is wrong with it.
    static func schema(_ value: Any, field: String) throws -> JSONSchema {
        guard let bytes = try? JSONBytes.encode(value, sortedKeys: false), let parsed = try? JSONParser.parse(bytes) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(field)`: expected a JSON Schema")
        }
        do {
            return try JSONSchema.compile(parsed, compactText: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw GatewayError.badRequest("Invalid `\(field)`: \(error.description)")
        }
    }
}
