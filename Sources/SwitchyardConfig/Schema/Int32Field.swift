/// TensorZero's `i32` fields (such as `thinking_budget_tokens`), in a config or a request.
public enum Int32Field {
    /// TensorZero's message for an integer outside `i32`: ``invalid value: integer `x`, expected i32``.
    public static func outOfRangeMessage(_ value: some BinaryInteger) -> String {
        "invalid value: integer `\(value)`, expected i32"
    }
}
