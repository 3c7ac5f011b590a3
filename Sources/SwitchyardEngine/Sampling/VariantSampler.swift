import SwitchyardPlan

/// Picks the next variant to try from the variants still in play, exactly as TensorZero 2026.6.0 does
/// (reference §3.3): weighted candidates walked in name order, then fallbacks in listed order, then the
/// uniform safety net over allowed variants.
struct VariantSampler: Sendable {
    /// Why sampling stopped without a variant.
    enum Failure: Error {
        case noFallbackVariantsRemaining
        case nothingAllowed
    }

    private let weights: [String: Double]
    private let fallbacks: [String]
    /// Variants the safety net may fall back to (candidates and fallbacks); `nil` means every variant.
    private let allowed: Set<String>?
    private let isUniform: Bool

    init(_ sampling: SamplingPlan) {
        isUniform = sampling.policy == .uniform
        weights = Dictionary(sampling.candidates.map { ($0.variant, $0.weight) }, uniquingKeysWith: { first, _ in first })
        fallbacks = sampling.fallbacks
        let allowedNames = Set(sampling.candidates.map(\.variant)).union(sampling.fallbacks)
        allowed = isUniform || allowedNames.isEmpty ? nil : allowedNames
    }

    /// The variant to try among `active` (sorted by name), using the episode's uniform value `u`.
    func sample(_ u: Double, from active: [String]) -> Result<String, Failure> {
        guard !active.isEmpty else { return .failure(.nothingAllowed) }
        if isUniform { return .success(active[index(u, count: active.count)]) }
        switch weighted(u, from: active) {
        case .success(let name): return .success(name)
        case .failure:
            let pool = active.filter { allowed?.contains($0) ?? true }
            guard !pool.isEmpty else { return .failure(.nothingAllowed) }
            return .success(pool[index(u, count: pool.count)])
        }
    }

    private func weighted(_ u: Double, from active: [String]) -> Result<String, Failure> {
        let total = active.reduce(0.0) { $0 + max(0, weights[$1] ?? 0) }
        if total > 0 {
            let threshold = u * total
            var cumulative = 0.0
            var lastPositive: String?
            for name in active {
                let weight = max(0, weights[name] ?? 0)
                guard weight > 0 else { continue }
                cumulative += weight
                lastPositive = name
                if cumulative > threshold { return .success(name) }
            }
            if let lastPositive { return .success(lastPositive) }
        }
        if let fallback = fallbacks.first(where: active.contains) { return .success(fallback) }
        return .failure(.noFallbackVariantsRemaining)
    }

    private func index(_ u: Double, count: Int) -> Int {
        min(count - 1, Int((u * Double(count)).rounded(.down)))
    }
}
