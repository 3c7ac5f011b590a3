import SwitchyardPlan

/// A timeout at one level, anchored at the moment that level started.
struct Deadline: Sendable {
    /// Which `timeouts` table set it.
    enum Level: String, Sendable {
        case provider
        case model
        case variant
    }

    /// Which bound of a `timeouts` table, named as TensorZero's message prints it.
    enum Bound: String, Sendable {
        case nonStreamingTotal = "non_streaming.total_ms"
        case streamingTTFT = "streaming.ttft_ms"
        case streamingTotal = "streaming.total_ms"
    }

    var at: Nanoseconds
    var bound: Bound
    var milliseconds: Int64

    /// The deadline `timeouts` sets for a level starting `now`: `non_streaming.total_ms`, or for streaming
    /// requests the earlier of `streaming.ttft_ms` and `streaming.total_ms`.
    static func earliest(from now: Nanoseconds, _ timeouts: TimeoutPlan?, stream: Bool, level: Level) -> Deadline? {
        guard let timeouts else { return nil }
        var earliest: (bound: Bound, milliseconds: Int64)?
        func consider(_ bound: Bound, _ milliseconds: Int64?) {
            guard let milliseconds, milliseconds < earliest?.milliseconds ?? .max else { return }
            earliest = (bound, milliseconds)
        }
        if stream {
            consider(.streamingTTFT, timeouts.streamingTTFTMs)
            consider(.streamingTotal, timeouts.streamingTotalMs)
        } else {
            consider(.nonStreamingTotal, timeouts.nonStreamingTotalMs)
        }
        guard let (bound, milliseconds) = earliest else { return nil }
        return Deadline(at: now + .milliseconds(milliseconds), bound: bound, milliseconds: milliseconds)
    }

    /// The `streaming.total_ms` deadline of a level that started at `start`: what still bounds a stream after
    /// its first chunk.
    static func streamingTotal(from start: Nanoseconds, _ timeouts: TimeoutPlan?) -> Deadline? {
        guard let total = timeouts?.streamingTotalMs else { return nil }
        return Deadline(at: start + .milliseconds(total), bound: .streamingTotal, milliseconds: total)
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
        case .provider: .providerTimeout(provider: name, bound: bound.rawValue, milliseconds: milliseconds)
        case .model: .modelTimeout(model: name, bound: bound.rawValue, milliseconds: milliseconds)
        case .variant: .variantTimeout(variant: name, bound: bound.rawValue, milliseconds: milliseconds)
        }
    }
}

extension Deadline {
    /// The earlier of two deadlines (on a tie, `first`), or whichever is set.
    static func earlier(_ first: Deadline?, _ second: Deadline?) -> Deadline? {
        guard let first else { return second }
        guard let second else { return first }
        return second.at < first.at ? second : first
    }
}
