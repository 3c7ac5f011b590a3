import SwitchyardConfig
import SwitchyardPlan

/// Resolves the upstream names scenario files use (`MODEL.PROVIDER`, or a shorthand model's own name) against
/// a plan, and names upstreams the same way in results.
struct UpstreamNames {
    let config: TensorZeroConfig

    /// The upstream `name` refers to, or `nil` when the config has no such model and provider.
    func resolve(_ name: String) -> UpstreamKey? {
        if !config.hasModel(named: name), let shorthand = ShorthandModel(name) {
            return UpstreamKey(model: name, provider: shorthand.type.rawValue)
        }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let model = String(name[..<dot])
        let provider = String(name[name.index(after: dot)...])
        guard let routing = config.model(named: model)?.routing, routing.contains(where: { $0.value == provider }) else { return nil }
        return UpstreamKey(model: model, provider: provider)
    }

    /// Every upstream name the scenario uses that the config does not have, as diagnostics.
    func unknown(in scenario: Scenario) -> [Diagnostic] {
        let scripts = scenario.upstreams.map { ($0.key, $0.value.location) }
            + scenario.phases.flatMap { $0.upstreams.map { ($0.key, $0.value.location) } }
        var reported: Set<String> = []
        return scripts.sorted { $0.1 < $1.1 }.compactMap { name, location in
            guard resolve(name) == nil, reported.insert(name).inserted else { return nil }
            return Diagnostic(
                .scenarioReferenceUnknown, at: location, path: "upstream.\(name)",
                "no provider `\(name)` in the config: name an upstream as `MODEL.PROVIDER`, or a shorthand model by its name"
            )
        }
    }

    /// How results name an upstream: `MODEL.PROVIDER`, or just the model for a shorthand.
    static func display(model: String, provider: String) -> String {
        ShorthandModel(model) != nil && ShorthandModel(model)?.type.rawValue == provider ? model : "\(model).\(provider)"
    }
}
