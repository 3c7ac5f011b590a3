/// A variant's `retries = { num_retries, max_delay_s }`; TensorZero defaults them to 0 and 10.0.
public struct RetryConfig: Sendable, Hashable {
    public var numRetries: Int
    public var maxDelaySeconds: Double
    /// Where `retries` was written, if it was.
    public var location: SourceLocation?

    public static let none = RetryConfig(numRetries: 0, maxDelaySeconds: 10, location: nil)

    public init(numRetries: Int, maxDelaySeconds: Double, location: SourceLocation?) {
        self.numRetries = numRetries
        self.maxDelaySeconds = maxDelaySeconds
        self.location = location
    }

    /// Reads `retries`; TensorZero ignores unknown keys inside it, and so does this.
    public static func read(from reader: inout TableReader) -> RetryConfig {
        guard var table = reader.table("retries") else { return .none }
        let count = table.unsigned("num_retries")
        let delay = table.number("max_delay_s")
        if let delay, delay.value < 0 {
            table.diagnostics.report(.invalidValue, at: delay.location, path: table.path(of: "max_delay_s"), "`max_delay_s` must be non-negative")
        }
        return RetryConfig(
            numRetries: count.map { Int($0.value) } ?? 0,
            maxDelaySeconds: delay.map { max(0, $0.value) } ?? 10,
            location: table.location
        )
    }
}
