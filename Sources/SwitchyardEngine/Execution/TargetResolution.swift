import SwitchyardPlan

/// What a request targets, resolved against the plan: the function (or the ad-hoc `tensorzero::default`
/// function of a `model_name` request), its variants, and the ones in play.
struct TargetResolution {
    var functionName: String
    var sampling: SamplingPlan = .uniformOverAll
    var variants: [String: VariantPlan] = [:]
    /// Variant names in play, sorted (a pinned request has only its pin).
    var activeVariants: [String] = []
    /// Why the request fails before any variant runs.
    var error: InferenceError?

    static let defaultFunction = "tensorzero::default"

    init(engine: Engine, request: InferenceRequest) {
        switch request.target {
        case .function(let name):
            functionName = name
            guard let function = engine.plan.functions[name] else {
                error = name == Self.defaultFunction ? .functionWithoutVariants(name) : .unknownFunction(name)
                return
            }
            sampling = function.sampling
            variants = function.variants
            activeVariants = function.variants.keys.sorted()
            if activeVariants.isEmpty {
                error = .functionWithoutVariants(name)
            } else if let pinned = request.pinnedVariant {
                activeVariants = [pinned]
                if variants[pinned] == nil { error = .unknownVariant(pinned) }
            }
        case .model(let name):
            functionName = Self.defaultFunction
            variants = [name: .defaultFunctionVariant(model: name)]
            activeVariants = [name]
            if request.pinnedVariant != nil {
                error = .variantWithModelName
            } else if engine.model(named: name) == nil {
                error = .invalidModelName(name)
            }
        }
    }
}
