import SwitchyardPlan

/// Picks the next variant to try from the variants still in play, exactly as TensorZero 2026.6.0 does
/// (reference §3.3): weighted candidates walked in name order, then fallbacks in listed order, then the
/// uniform safety net over allowed variants. Variants are numbered by their position in name order.
final class VariantSampler: Sendable {
    /// Why sampling stopped without a variant.
    enum Failure: Error {
        case noFallbackVariantsRemaining
        case nothingAllowed
    }

    /// Candidate weight of each variant (0 for non-candidates), by number.
    private let weights: [Double]
    /// Fallback variants' numbers in listed order.
    private let fallbacks: [Int]
    /// The variants the safety net may pick (candidates and fallbacks; every variant when none are listed).
    private let allowed: VariantSet
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
        self.allowed = VariantSet(allowed.indices.filter { allowed[$0] })
    }

    /// The number of the variant to try among `active` (numbers in name order), using the episode's value `u`.
    func sample(_ u: Double, from active: VariantSet) -> Result<Int, Failure> {
        guard !active.isEmpty else { return .failure(.nothingAllowed) }
        if isUniform { return .success(active.element(at: index(u, count: active.count))) }
        if let chosen = weighted(u, from: active) { return .success(chosen) }
        let pool = active.intersection(allowed)
        guard !pool.isEmpty else { return .failure(.nothingAllowed) }
        return .success(pool.element(at: index(u, count: pool.count)))
    }

    private func weighted(_ u: Double, from active: VariantSet) -> Int? {
        var total = 0.0
        active.forEach { variant in
            total += weights[variant]
            return true
        }
        if total > 0 {
            let threshold = u * total
            var cumulative = 0.0
            var lastPositive: Int?
            var chosen: Int?
            active.forEach { variant in
                guard weights[variant] > 0 else { return true }
                cumulative += weights[variant]
                lastPositive = variant
                if cumulative > threshold { chosen = variant }
                return chosen == nil
            }
            if let picked = chosen ?? lastPositive { return picked }
        }
        return fallbacks.first(where: active.contains)
    }

    private func index(_ u: Double, count: Int) -> Int {
        min(count - 1, Int((u * Double(count)).rounded(.down)))
    }
}
