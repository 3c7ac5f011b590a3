import SwitchyardPlan

/// A timeout at one level, anchored at the moment that level started.
struct Deadline: Sendable {
    /// Which `timeouts` table set it.
    enum Level: String, Sendable {
        case provider
        case model
        case variant
    }

    var at: Nanoseconds
    /// The bound's name as TensorZero's message prints it (`non_streaming.total_ms`).
    var bound: String
    var milliseconds: Int64

    /// The deadline `timeouts` sets for a level starting `now`: `non_streaming.total_ms`, or for streaming
    /// requests the earlier of `streaming.ttft_ms` and `streaming.total_ms`.
    static func earliest(from now: Nanoseconds, _ timeouts: TimeoutPlan?, stream: Bool, level: Level) -> Deadline? {
        guard let timeouts else { return nil }
        var candidates: [(String, Int64)] = []
        if stream {
            if let ttft = timeouts.streamingTTFTMs { candidates.append(("streaming.ttft_ms", ttft)) }
            if let total = timeouts.streamingTotalMs { candidates.append(("streaming.total_ms", total)) }
        } else if let total = timeouts.nonStreamingTotalMs {
            candidates.append(("non_streaming.total_ms", total))
        }
        guard let (bound, milliseconds) = candidates.min(by: { $0.1 < $1.1 }) else { return nil }
        return Deadline(at: now + .milliseconds(milliseconds), bound: bound, milliseconds: milliseconds)
    }

    /// The `streaming.total_ms` deadline of a level that started at `start`: what still bounds a stream after
    /// its first chunk.
    static func streamingTotal(from start: Nanoseconds, _ timeouts: TimeoutPlan?) -> Deadline? {
        guard let total = timeouts?.streamingTotalMs else { return nil }
        return Deadline(at: start + .milliseconds(total), bound: "streaming.total_ms", milliseconds: total)
    }

    /// The earliest of the given deadlines' times, if any is set.
    static func earliestTime(_ first: Deadline?, _ second: Deadline?, _ third: Deadline?) -> Nanoseconds? {
        func earlier(_ lhs: Nanoseconds?, _ rhs: Deadline?) -> Nanoseconds? {
            guard let at = rhs?.at else { return lhs }
            guard let lhs else { return at }
            return min(lhs, at)
        }
        return earlier(earlier(first?.at, second), third)
    }

    /// The timeout error of this level for the provider, model or variant named `name`.
    func error(for name: String, kind: Level) -> InferenceError {
        switch kind {
        case .provider: .providerTimeout(provider: name, bound: bound, milliseconds: milliseconds)
        case .model: .modelTimeout(model: name, bound: bound, milliseconds: milliseconds)
        case .variant: .variantTimeout(variant: name, bound: bound, milliseconds: milliseconds)
        }
    }
}
