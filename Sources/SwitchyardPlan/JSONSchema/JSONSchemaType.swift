/// A `type` keyword value.
enum JSONSchemaType: String, Sendable, CaseIterable {
    case null, boolean, object, array, number, string, integer

    /// Whether `value` is of this type (`integer` includes numbers with no fractional part, such as `1.0`).
    func admits(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.string, .string): true
        case (.number, .int), (.number, .double), (.integer, .int): true
        case (.integer, .double(let number)): number.rounded() == number && number.isFinite
        default: false
        }
    }
}
