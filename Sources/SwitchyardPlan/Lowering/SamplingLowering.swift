import SwitchyardConfig

/// Lowers a function's experimentation (or legacy weights) to its sampling plan (reference §3.3).
enum SamplingLowering {
    static func lower(_ function: FunctionConfig) -> SamplingPlan {
        let names = function.variants.map(\.name.value).sorted()
        if let experimentation = function.experimentation {
            return lower(experimentation, variants: names)
        }
        guard function.variants.contains(where: { $0.weight != nil }) else {
            return plan(.uniform, weights: names.map { ($0, 1.0) }, fallbacks: [], all: names)
        }
        let weighted = function.variants.compactMap { variant in variant.weight.map { (variant.name.value, $0.value) } }
        let positive = weighted.filter { $0.1 > 0 }
        let unweighted = function.variants.filter { $0.weight == nil }.map(\.name.value).sorted()
        if positive.isEmpty, unweighted.isEmpty {
            // Every variant has weight 0: nothing is allowed, so TensorZero's safety net samples all uniformly.
            return plan(.legacyWeights, weights: names.map { ($0, 1.0) }, fallbacks: [], all: names)
        }
        var result = plan(.legacyWeights, weights: positive, fallbacks: unweighted, all: names)
        result.fallbackOrderUnspecified = unweighted.count > 1
        return result
    }

    private static func lower(_ experimentation: ExperimentationConfig, variants: [String]) -> SamplingPlan {
        let policy: SamplingPlan.Policy = experimentation.kind.value.isAdaptive ? .adaptive : .staticWeights
        let fallbacks = (experimentation.fallbacks ?? []).map(\.value)
        guard let candidates = experimentation.candidates else {
            // `uniform` without lists: every variant, uniformly.
            return plan(policy, weights: variants.map { ($0, 1.0) }, fallbacks: fallbacks, all: variants)
        }
        let weights = policy == .adaptive ? candidates.map { ($0.name.value, 1.0) } : candidates.map { ($0.name.value, $0.weight) }
        return plan(policy, weights: weights, fallbacks: fallbacks, all: variants)
    }

    private static func plan(_ policy: SamplingPlan.Policy, weights: [(String, Double)], fallbacks: [String], all: [String]) -> SamplingPlan {
        let total = weights.reduce(0) { $0 + max(0, $1.1) }
        let candidates = weights.sorted { $0.0 < $1.0 }.map { name, weight in
            SamplingPlan.Candidate(variant: name, weight: weight, share: total > 0 ? max(0, weight) / total : 0)
        }
        let reachable = Set(candidates.filter { $0.share > 0 }.map(\.variant)).union(fallbacks)
        // A zero-weight candidate is still reachable through TensorZero's uniform safety net, as a last resort.
        let lastResort = Set(candidates.map(\.variant))
        return SamplingPlan(
            policy: policy, candidates: candidates, fallbacks: fallbacks, fallbackOrderUnspecified: false,
            neverSampled: all.filter { !reachable.contains($0) && !lastResort.contains($0) }
        )
    }
}
