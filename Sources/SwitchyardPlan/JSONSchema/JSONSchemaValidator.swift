/// Walks an instance against compiled schema nodes and reports the first violation, worded as TensorZero's
/// validator words it.
struct JSONSchemaValidator {
    let referenced: [String: SchemaNode]
    /// `$ref`s followed without consuming the instance; bounds schemas that refer to themselves.
    private var referenceDepth = 0
    private static let maximumReferenceDepth = 64

    init(referenced: [String: SchemaNode]) {
        self.referenced = referenced
    }

    mutating func violation(of node: SchemaNode, _ instance: JSONValue) -> String? {
        switch node {
        case .always(true): return nil
        case .always(false): return "False schema does not allow \(instance.compactText)"
        case .constraints(let constraints): return violation(of: constraints, instance)
        }
    }

    private mutating func violation(of schema: SchemaConstraints, _ instance: JSONValue) -> String? {
        if let target = schema.reference, let node = referenced[target] {
            guard referenceDepth < Self.maximumReferenceDepth else { return "\(instance.compactText) exceeds the schema's reference depth" }
            referenceDepth += 1
            defer { referenceDepth -= 1 }
            if let found = violation(of: node, instance) { return found }
        }
        if let types = schema.types, !types.contains(where: { $0.admits(instance) }) {
            let names = types.map { "\"\($0.rawValue)\"" }
            return types.count == 1
                ? "\(instance.compactText) is not of type \(names[0])"
                : "\(instance.compactText) is not of types \(names.joined(separator: ", "))"
        }
        if let values = schema.enumValues, !values.contains(where: { $0.schemaEquals(instance) }) {
            return "\(instance.compactText) is not one of \(JSONValue.array(values).compactText)"
        }
        if let expected = schema.constValue, !expected.schemaEquals(instance) {
            return "\(expected.compactText) was expected"
        }
        let specific: String?
        switch instance {
        case .object(let members): specific = objectViolation(schema, members, instance)
        case .array(let items): specific = arrayViolation(schema, items, instance)
        case .string(let text): specific = StringRules.violation(schema, text, instance)
        case .int, .double: specific = NumberRules.violation(schema, instance.number ?? 0, instance)
        default: specific = nil
        }
        if let specific { return specific }
        return combinationViolation(schema, instance)
    }

    private mutating func objectViolation(_ schema: SchemaConstraints, _ members: [String: JSONValue], _ instance: JSONValue) -> String? {
        for name in schema.required where members[name] == nil {
            return "\"\(name)\" is a required property"
        }
        if let minimum = schema.minProperties, members.count < minimum {
            return "\(instance.compactText) has less than \(minimum) propert\(minimum == 1 ? "y" : "ies")"
        }
        if let maximum = schema.maxProperties, members.count > maximum {
            return "\(instance.compactText) has more than \(maximum) propert\(maximum == 1 ? "y" : "ies")"
        }
        var unexpected: [String] = []
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            var matched = false
            if let property = schema.properties.first(where: { $0.name == name }) {
                matched = true
                if let found = violation(of: property.schema, value) { return found }
            }
            for entry in schema.patternProperties where entry.pattern.matches(name) {
                matched = true
                if let found = violation(of: entry.schema, value) { return found }
            }
            guard !matched, let additional = schema.additionalProperties else { continue }
            if case .always(false) = additional {
                unexpected.append(name)
            } else if let found = violation(of: additional, value) {
                return found
            }
        }
        guard !unexpected.isEmpty else { return nil }
        let names = unexpected.map { "'\($0)'" }.joined(separator: ", ")
        return "Additional properties are not allowed (\(names) \(unexpected.count == 1 ? "was" : "were") unexpected)"
    }

    private mutating func arrayViolation(_ schema: SchemaConstraints, _ items: [JSONValue], _ instance: JSONValue) -> String? {
        if let minimum = schema.minItems, items.count < minimum {
            return "\(instance.compactText) has less than \(minimum) item\(minimum == 1 ? "" : "s")"
        }
        if let maximum = schema.maxItems, items.count > maximum {
            return "\(instance.compactText) has more than \(maximum) item\(maximum == 1 ? "" : "s")"
        }
        if schema.uniqueItems {
            for (index, item) in items.enumerated() where items[..<index].contains(where: { $0.schemaEquals(item) }) {
                return "\(instance.compactText) has non-unique elements"
            }
        }
        for (index, item) in items.enumerated() {
            let node = index < schema.prefixItems.count ? schema.prefixItems[index] : schema.items
            if let node, let found = violation(of: node, item) { return found }
        }
        return nil
    }

    private mutating func combinationViolation(_ schema: SchemaConstraints, _ instance: JSONValue) -> String? {
        for node in schema.allOf {
            if let found = violation(of: node, instance) { return found }
        }
        if !schema.anyOf.isEmpty, !schema.anyOf.contains(where: { violation(of: $0, instance) == nil }) {
            return "\(instance.compactText) is not valid under any of the schemas listed in the 'anyOf' keyword"
        }
        if !schema.oneOf.isEmpty {
            let valid = schema.oneOf.filter { violation(of: $0, instance) == nil }.count
            if valid == 0 { return "\(instance.compactText) is not valid under any of the schemas listed in the 'oneOf' keyword" }
            if valid > 1 { return "\(instance.compactText) is valid under more than one of the schemas listed in the 'oneOf' keyword" }
        }
        if let negated = schema.not, violation(of: negated, instance) == nil {
            return "\(instance.compactText) should not be valid under the schema in the 'not' keyword"
        }
        return nil
    }
}
