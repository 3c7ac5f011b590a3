/// `minLength`, `maxLength` and `pattern` (lengths count Unicode code points, as the specification says).
enum StringRules {
    static func violation(_ schema: SchemaConstraints, _ text: String, _ instance: JSONValue) -> String? {
        let length = text.unicodeScalars.count
        if let minimum = schema.minLength, length < minimum {
            return "\(instance.compactText) is shorter than \(minimum) character\(minimum == 1 ? "" : "s")"
        }
        if let maximum = schema.maxLength, length > maximum {
            return "\(instance.compactText) is longer than \(maximum) character\(maximum == 1 ? "" : "s")"
        }
        if let pattern = schema.pattern, !pattern.matches(text) {
            return "\(instance.compactText) does not match \"\(pattern.source)\""
        }
        return nil
    }
}
