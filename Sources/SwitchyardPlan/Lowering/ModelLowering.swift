import SwitchyardConfig

/// Lowers models (explicit and shorthand) to their routing chains, resolving each provider's credentials.
struct ModelLowering {
    let resolver: ProviderCredentialResolver

    func lower(_ model: ModelConfig, index: inout CredentialIndex) -> ModelPlan {
        var routing: [ProviderPlan] = []
        for name in model.routing {
            guard let provider = model.provider(named: name.value), !routing.contains(where: { $0.name == name.value }) else { continue }
            let credentials = resolver.resolve(provider)
            index.record(credentials, usedBy: provider.path)
            routing.append(ProviderLowering.lower(provider, credentials: credentials))
        }
        return ModelPlan(name: model.name.value, routing: routing, timeouts: model.timeouts.map(TimeoutLowering.lower), isShorthand: false)
    }

    /// The shorthand models variants reference, each lowered once (at its first use).
    func lowerShorthands(_ config: TensorZeroConfig, index: inout CredentialIndex) -> [String: ModelPlan] {
        var plans: [String: ModelPlan] = [:]
        for function in config.functions {
            for variant in function.variants {
                for case let reference? in [variant.model, variant.judgeModel] {
                    guard !config.hasModel(named: reference.value), plans[reference.value] == nil,
                          let shorthand = ShorthandModel(reference.value) else { continue }
                    let credentials = resolver.resolveShorthand(type: shorthand.type, model: reference.value, usedAt: reference.location, path: variant.path)
                    index.record(credentials, usedBy: "shorthand \(reference.value)")
                    plans[reference.value] = ModelPlan.shorthand(shorthand, name: reference.value, credentials: credentials)
                }
            }
        }
        return plans
    }
}
