import SwitchyardPlan

/// What a request targets, resolved against the plan: the function (or the ad-hoc `tensorzero::default`
/// function of a `model_name` request), and the variants in play.
struct TargetResolution: Sendable {
    var route: FunctionRoute
    /// Numbers of the variants in play, in name order (a pinned request has only its pin).
    var activeVariants: VariantSet
    /// Why the request fails before any variant runs.
    var error: InferenceError?

    static let defaultFunction = "tensorzero::default"

    init(core: EngineCore, request: borrowing InferenceRequest) {
        error = nil
        switch request.target {
        case .function(let name):
            guard let route = core.routes[name] else {
                self.route = FunctionRoute(name: name, sampling: .uniformOverAll, variants: [:])
                activeVariants = VariantSet()
                error = name == Self.defaultFunction ? .functionWithoutVariants(name) : .unknownFunction(name)
                return
            }
            self.route = route
            activeVariants = VariantSet(all: route.variants.count)
            if activeVariants.isEmpty {
                error = .functionWithoutVariants(name)
            } else if let pinned = request.pinnedVariant {
                if let number = route.number(of: pinned) {
                    activeVariants = VariantSet([number])
                } else {
                    activeVariants = VariantSet()
                    error = .unknownVariant(pinned)
                }
            }
        case .model(let name):
            let model = request.pinnedVariant == nil ? core.model(named: name) : nil
            let variant = VariantRoute(.defaultFunctionVariant(model: name), model: model)
            route = FunctionRoute(name: Self.defaultFunction, sampling: .uniformOverAll, variants: [name: variant])
            activeVariants = VariantSet([0])
            if request.pinnedVariant != nil {
                error = .variantWithModelName
            } else if model == nil {
                error = .invalidModelName(name)
            }
        }
        if error == nil { error = InputRendering.inputError(request.payload, for: route) }
    }
}
