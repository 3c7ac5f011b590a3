import SwitchyardPlan

/// Compiles JSON Schemas sent with a request.
enum SchemaValue {
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
