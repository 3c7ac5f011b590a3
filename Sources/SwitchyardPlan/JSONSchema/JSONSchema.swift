/// A compiled JSON Schema (the draft 2020-12 / draft 07 keywords TensorZero configs use; see
/// `JSONSchemaKeywords`), ready to validate instances.
public struct JSONSchema: Sendable {
    /// The schema's own text, compact and in the order it was written (how TensorZero quotes it in errors).
    public let compactText: String
    let root: SchemaNode
    /// Every subschema a local `$ref` can reach, by JSON pointer (`#/$defs/address`).
    let referenced: [String: SchemaNode]

    /// Compiles `text`, a JSON Schema document. Throws when the text is not JSON, the schema is malformed, or it
    /// uses a keyword this validator does not implement (it never validates silently wrong).
    public static func compile(text: [UInt8]) throws(JSONSchemaError) -> JSONSchema {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw .syntax(error)
        }
        return try compile(value, compactText: CompactJSONText.compact(text))
    }

    /// Compiles a schema already parsed (one sent with a request); `compactText` is how errors quote it.
    public static func compile(_ value: JSONValue, compactText: String) throws(JSONSchemaError) -> JSONSchema {
        var compiler = JSONSchemaCompiler(document: value)
        let root = try compiler.node(value, pointer: "#")
        try compiler.resolveReferences()
        return JSONSchema(compactText: compactText, root: root, referenced: compiler.referenced)
    }

    /// The first way `instance` breaks the schema, in the words of TensorZero's validator
    /// (`"B" is shorter than 2 characters`), or `nil` when it is valid.
    public func firstViolation(of instance: JSONValue) -> String? {
        var validator = JSONSchemaValidator(referenced: referenced)
        return validator.violation(of: root, instance)
    }

    /// TensorZero's error for an invalid instance: `JSON Schema validation failed:\n{violation}\n\nSchema:\n{schema}`.
    public func validationError(_ violation: String) -> String {
        "JSON Schema validation failed:\n\(violation)\n\nSchema:\n\(compactText)"
    }
}
