/// One step of a request's routing: an attempt that reached an upstream, or a provider skipped before it.
public struct AttemptRecord: Sendable, Hashable {
    /// What happened.
    public enum Outcome: Sendable, Hashable {
        case success
        /// The upstream answered with an error status.
        case status(Int)
        /// A deadline fired before the upstream answered; `bound` names the level (`provider`, `model`, `variant`).
        case timedOut(level: String)
        case connectionReset
        case unparseableResponse
        /// The provider was not called: its credential could not be resolved.
        case skipped(reason: String)
    }

    public var variant: String
    public var model: String
    public var provider: String
    /// The credential location used (`env::OPENAI_API_KEY`), `nil` when none is sent.
    public var credential: String?
    /// Whether the location was the `fallback` side of a `{ default, fallback }` setting.
    public var usedFallbackCredential: Bool
    public var outcome: Outcome
    public var start: Nanoseconds
    public var end: Nanoseconds
    /// The best-of-N / mixture-of-N variant this step ran for, as one of its candidates or its evaluator or
    /// fuser (the outermost, when they nest); `nil` for a step of the request's own variant.
    public var within: String? = nil

    /// Whether the request reached an upstream (skipped providers are not attempts).
    public var isAttempt: Bool {
        if case .skipped = outcome { return false }
        return true
    }
}
