import Foundation

/// Builds `SchemaNode`s from a schema document, refusing keywords it cannot check.
struct JSONSchemaCompiler {
    let document: JSONValue
    /// Every compiled subschema by JSON pointer, for `$ref`.
    private(set) var referenced: [String: SchemaNode] = [:]
    private var references: [(target: String, pointer: String)] = []
    private let formatAsserts: Bool

    init(document: JSONValue) {
        self.document = document
        if case .object(let root) = document, case .string(let uri)? = root["$schema"] {
            formatAsserts = JSONSchemaKeywords.formatAsserts(schemaURI: uri)
        } else {
            formatAsserts = false
        }
    }

    /// Compiles the subschema `value` found at `pointer`.
    mutating func node(_ value: JSONValue, pointer: String) throws(JSONSchemaError) -> SchemaNode {
        let node: SchemaNode
        switch value {
        case .bool(let flag): node = .always(flag)
        case .object(let members): node = .constraints(try constraints(members, pointer: pointer))
        default: throw .invalidKeyword("schema", pointer: pointer, reason: "must be an object or a boolean")
        }
        referenced[pointer] = node
        return node
    }

    /// Checks that every `$ref` reaches a subschema, compiling targets that are not schema positions themselves.
    mutating func resolveReferences() throws(JSONSchemaError) {
        while let reference = references.popLast() {
            guard referenced[reference.target] == nil else { continue }
            guard let value = JSONPointer.resolve(reference.target, in: document) else {
                throw .unresolvedReference(reference.target, pointer: reference.pointer)
            }
            _ = try node(value, pointer: reference.target)
        }
    }

    private mutating func constraints(_ members: [String: JSONValue], pointer: String) throws(JSONSchemaError) -> SchemaConstraints {
        var result = SchemaConstraints()
        for key in members.keys.sorted() {
            if JSONSchemaKeywords.unsupported.contains(key) || (key == "format" && formatAsserts) {
                throw .unsupportedKeyword(key, pointer: pointer)
            }
        }
        let reader = KeywordReader(members: members, pointer: pointer)
        for container in ["$defs", "definitions"] {
            for (name, value) in try reader.object(container) ?? [:] {
                _ = try node(value, pointer: "\(pointer)/\(container)/\(JSONPointer.escape(name))")
            }
        }
        result.types = try reader.types()
        for (name, value) in (try reader.object("properties") ?? [:]).sorted(by: { $0.key < $1.key }) {
            result.properties.append((name, try node(value, pointer: "\(pointer)/properties/\(JSONPointer.escape(name))")))
        }
        for (source, value) in (try reader.object("patternProperties") ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let pattern = SchemaPattern(source) else {
                throw .invalidKeyword("patternProperties", pointer: pointer, reason: "has a pattern that is not a regular expression: `\(source)`")
            }
            result.patternProperties.append((pattern, try node(value, pointer: "\(pointer)/patternProperties/\(JSONPointer.escape(source))")))
        }
        result.required = try reader.strings("required") ?? []
        result.additionalProperties = try members["additionalProperties"].map { value throws(JSONSchemaError) in
            try node(value, pointer: "\(pointer)/additionalProperties")
        }
        result.minProperties = try reader.count("minProperties")
        result.maxProperties = try reader.count("maxProperties")
        try readItems(members, reader: reader, into: &result, pointer: pointer)
        result.minItems = try reader.count("minItems")
        result.maxItems = try reader.count("maxItems")
        result.uniqueItems = try reader.bool("uniqueItems") ?? false
        result.enumValues = try reader.array("enum")
        result.constValue = members["const"]
        result.minimum = try reader.number("minimum")
        result.maximum = try reader.number("maximum")
        result.exclusiveMinimum = try reader.number("exclusiveMinimum")
        result.exclusiveMaximum = try reader.number("exclusiveMaximum")
        result.multipleOf = try reader.number("multipleOf")
        if let factor = result.multipleOf, factor <= 0 {
            throw .invalidKeyword("multipleOf", pointer: pointer, reason: "must be greater than 0")
        }
        result.minLength = try reader.count("minLength")
        result.maxLength = try reader.count("maxLength")
        if let source = try reader.string("pattern") {
            guard let pattern = SchemaPattern(source) else {
                throw .invalidKeyword("pattern", pointer: pointer, reason: "is not a regular expression: `\(source)`")
            }
            result.pattern = pattern
        }
        result.allOf = try subschemas("allOf", reader: reader, pointer: pointer)
        result.anyOf = try subschemas("anyOf", reader: reader, pointer: pointer)
        result.oneOf = try subschemas("oneOf", reader: reader, pointer: pointer)
        result.not = try members["not"].map { value throws(JSONSchemaError) in try node(value, pointer: "\(pointer)/not") }
        if let target = try reader.string("$ref") {
            guard target.hasPrefix("#") else { throw .unresolvedReference(target, pointer: pointer) }
            let decoded = target.removingPercentEncoding ?? target
            result.reference = decoded
            references.append((decoded, pointer))
        }
        return result
    }

    /// `prefixItems` + `items` (2020-12), or the draft 07 forms: `items` as an array and `additionalItems`.
    private mutating func readItems(
        _ members: [String: JSONValue], reader: KeywordReader, into result: inout SchemaConstraints, pointer: String
    ) throws(JSONSchemaError) {
        if case .array(let tuple)? = members["items"] {
            for (index, value) in tuple.enumerated() {
                result.prefixItems.append(try node(value, pointer: "\(pointer)/items/\(index)"))
            }
            result.items = try members["additionalItems"].map { value throws(JSONSchemaError) in
                try node(value, pointer: "\(pointer)/additionalItems")
            }
            return
        }
        if members["additionalItems"] != nil, members["prefixItems"] != nil {
            throw .unsupportedKeyword("additionalItems", pointer: pointer)
        }
        result.prefixItems = try subschemas("prefixItems", reader: reader, pointer: pointer)
        result.items = try members["items"].map { value throws(JSONSchemaError) in try node(value, pointer: "\(pointer)/items") }
    }

    private mutating func subschemas(_ keyword: String, reader: KeywordReader, pointer: String) throws(JSONSchemaError) -> [SchemaNode] {
        guard let values = try reader.array(keyword) else { return [] }
        guard !values.isEmpty || keyword == "prefixItems" else {
            throw .invalidKeyword(keyword, pointer: pointer, reason: "must be a non-empty array")
        }
        var nodes: [SchemaNode] = []
        for (index, value) in values.enumerated() {
            nodes.append(try node(value, pointer: "\(pointer)/\(keyword)/\(index)"))
        }
        return nodes
    }
}
