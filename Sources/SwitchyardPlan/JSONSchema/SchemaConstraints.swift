/// The assertions of one schema object; `nil` / empty means the keyword is absent.
struct SchemaConstraints: Sendable {
    var types: [JSONSchemaType]?
    var properties: [(name: String, schema: SchemaNode)] = []
    var patternProperties: [(pattern: SchemaPattern, schema: SchemaNode)] = []
    var required: [String] = []
    var additionalProperties: SchemaNode?
    var minProperties: Int?
    var maxProperties: Int?
    var prefixItems: [SchemaNode] = []
    /// Items after `prefixItems` (2020-12 `items`, draft 07 `additionalItems`); all items when there is no prefix.
    var items: SchemaNode?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?
    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode] = []
    var oneOf: [SchemaNode] = []
    var not: SchemaNode?
    /// A local `$ref` (`#/$defs/x`), resolved through `JSONSchema.referenced`.
    var reference: String?
}
