import SwitchyardPlan

/// Resolves the upstream names scenario files use (`MODEL.PROVIDER`, or a shorthand model's own name) against
/// a plan, and names upstreams the same way in results.
struct UpstreamNames {
    let plan: RoutingPlan

    /// The upstream `name` refers to, or `nil` when the plan has no such model and provider.
    func resolve(_ name: String) -> UpstreamKey? {
        if plan.models[name] == nil, let shorthand = ShorthandModel(name) {
            return UpstreamKey(model: name, provider: shorthand.type.rawValue)
        }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let model = String(name[..<dot])
        let provider = String(name[name.index(after: dot)...])
        guard let routing = plan.model(named: model)?.routing, routing.contains(where: { $0.name == provider }) else { return nil }
        return UpstreamKey(model: model, provider: provider)
    }

    /// How results name an upstream: `MODEL.PROVIDER`, or just the model for a shorthand.
    static func display(model: String, provider: String) -> String {
        ShorthandModel(model) != nil && ShorthandModel(model)?.type.rawValue == provider ? model : "\(model).\(provider)"
    }
}
