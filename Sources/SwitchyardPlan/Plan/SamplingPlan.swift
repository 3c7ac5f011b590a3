import SwitchyardConfig

/// How a function picks a variant when none is pinned (reference §3.3).
public struct SamplingPlan: Sendable {
    /// The sampling policy in force.
    public enum Policy: String, Sendable {
        /// No experimentation and no weights: uniform over all variants.
        case uniform
        /// `static` / `static_weights` / `uniform` experimentation: weighted candidates, then fallbacks in order.
        case staticWeights = "static"
        /// Legacy per-variant `weight`: positive weights are candidates, unweighted variants are fallbacks.
        case legacyWeights = "legacy_weights"
        /// Track-and-stop: the gateway adapts the weights at run time (the shares here are the initial ones).
        case adaptive
    }

    /// A candidate with its weight and its share of first choices.
    public struct Candidate: Sendable, Hashable {
        public var variant: String
        public var weight: Double
        public var share: Double
    }

    public var policy: Policy
    /// Candidates sorted by variant name (the order the per-episode draw walks).
    public var candidates: [Candidate]
    /// Fallback variants in the order they are tried once no candidate is left.
    public var fallbacks: [String]
    /// Whether the fallback order is not defined by TensorZero (legacy unweighted variants come from a hash map).
    public var fallbackOrderUnspecified: Bool
    /// Variants that are never sampled (they can still be pinned or used as candidates of other variants).
    public var neverSampled: [String]

    /// Uniform sampling over whatever variants are in play (the default, and `tensorzero::default`'s).
    public static let uniformOverAll = SamplingPlan(policy: .uniform, candidates: [], fallbacks: [], fallbackOrderUnspecified: false, neverSampled: [])
}
