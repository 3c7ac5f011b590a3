/// `minimum`, `maximum`, their exclusive forms and `multipleOf`.
enum NumberRules {
    static func violation(_ schema: SchemaConstraints, _ number: Double, _ instance: JSONValue) -> String? {
        if let limit = schema.minimum, number < limit {
            return "\(instance.compactText) is less than the minimum of \(text(limit))"
        }
        if let limit = schema.maximum, number > limit {
            return "\(instance.compactText) is greater than the maximum of \(text(limit))"
        }
        if let limit = schema.exclusiveMinimum, number <= limit {
            return "\(instance.compactText) is less than or equal to the minimum of \(text(limit))"
        }
        if let limit = schema.exclusiveMaximum, number >= limit {
            return "\(instance.compactText) is greater than or equal to the maximum of \(text(limit))"
        }
        if let factor = schema.multipleOf {
            let quotient = number / factor
            if quotient.isFinite, quotient != quotient.rounded() {
                return "\(instance.compactText) is not a multiple of \(text(factor))"
            }
        }
        return nil
    }

    /// A limit as the schema most likely wrote it (`0`, `2.5`).
    private static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    }
}
