/// Delays between a variant's retries: exponential from 1 s, doubling, capped at `max_delay_s`, plus jitter
/// of up to the delay itself (backon's `with_jitter`), drawn from a seeded generator so runs repeat.
struct RetryBackoff: Sendable {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// The wait before retry number `retry + 1`.
    mutating func delay(afterRetry retry: Int, maxDelaySeconds: Double) -> Nanoseconds {
        // Clamped to a day, so an enormous or infinite `max_delay_s` cannot overflow the nanosecond count.
        let cap = Nanoseconds(min(max(0, maxDelaySeconds), 86_400) * 1e9)
        let base = min(Nanoseconds(1_000_000_000) << min(retry, 30), cap)
        return base + Nanoseconds(Double(base) * random.nextUnit())
    }

    /// A value from the same seeded stream, for the request's other random choices (candidates' seeds, the
    /// candidate a best-of-N / mixture-of-N variant falls back on), so they repeat with the seed too.
    mutating func draw() -> UInt64 {
        random.next()
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) / 9_007_199_254_740_992.0
    }
}
