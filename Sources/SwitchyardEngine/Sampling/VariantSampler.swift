import SwitchyardPlan

/// Picks the next variant to try from the variants still in play, exactly as TensorZero 2026.6.0 does
/// (reference §3.3): weighted candidates walked in name order, then fallbacks in listed order, then the
/// uniform safety net over allowed variants. Variants are numbered by their position in name order.
struct VariantSampler: Sendable {
    /// Why sampling stopped without a variant.
    enum Failure: Error {
        case noFallbackVariantsRemaining
        case nothingAllowed
    }

    /// Candidate weight of each variant (0 for non-candidates), by number.
    private let weights: [Double]
    /// Fallback variants' numbers in listed order.
    private let fallbacks: [Int]
    /// Whether the safety net may pick each variant (candidates and fallbacks; every variant when none are listed).
    private let allowed: [Bool]
    private let isUniform: Bool

    /// A sampler over `names` (sorted), following `sampling`.
    init(_ sampling: SamplingPlan, names: [String]) {
        isUniform = sampling.policy == .uniform
        let number = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var weights = Array(repeating: 0.0, count: names.count)
        var allowed = Array(repeating: false, count: names.count)
        for candidate in sampling.candidates {
            guard let index = number[candidate.variant] else { continue }
            weights[index] = max(0, candidate.weight)
            allowed[index] = true
        }
        fallbacks = sampling.fallbacks.compactMap { number[$0] }
        for index in fallbacks { allowed[index] = true }
        if isUniform || !allowed.contains(true) { allowed = Array(repeating: true, count: names.count) }
        self.weights = weights
        self.allowed = allowed
    }

    /// The number of the variant to try among `active` (numbers in name order), using the episode's value `u`.
    func sample(_ u: Double, from active: [Int]) -> Result<Int, Failure> {
        guard !active.isEmpty else { return .failure(.nothingAllowed) }
        if isUniform { return .success(active[index(u, count: active.count)]) }
        if let chosen = weighted(u, from: active) { return .success(chosen) }
        let pool = active.filter { allowed[$0] }
        guard !pool.isEmpty else { return .failure(.nothingAllowed) }
        return .success(pool[index(u, count: pool.count)])
    }

    private func weighted(_ u: Double, from active: [Int]) -> Int? {
        var total = 0.0
        for variant in active { total += weights[variant] }
        if total > 0 {
            let threshold = u * total
            var cumulative = 0.0
            var lastPositive: Int?
            for variant in active where weights[variant] > 0 {
                cumulative += weights[variant]
                lastPositive = variant
                if cumulative > threshold { return variant }
            }
            if let lastPositive { return lastPositive }
        }
        return fallbacks.first(where: active.contains)
    }

    private func index(_ u: Double, count: Int) -> Int {
        min(count - 1, Int((u * Double(count)).rounded(.down)))
    }
}
