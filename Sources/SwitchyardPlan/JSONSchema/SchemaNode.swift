import Foundation

/// One compiled (sub)schema.
indirect enum SchemaNode: Sendable {
    /// `true` accepts everything, `false` nothing.
    case always(Bool)
    case constraints(SchemaConstraints)
}

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

/// A compiled `pattern` (ECMA-262 syntax, the subset `NSRegularExpression` shares), searched anywhere in a string.
struct SchemaPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once made and documented safe to share between threads.
    let source: String
    let expression: NSRegularExpression

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.expression = expression
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
