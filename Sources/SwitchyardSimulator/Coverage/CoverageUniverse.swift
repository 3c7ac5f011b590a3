import SwitchyardConfig
import SwitchyardPlan

/// Everything in one plan that scenarios can exercise: functions, variants, models, providers, credential
/// locations on each side of their settings (not `sdk` or `none`, which hold nothing), and fallback edges
/// (a model's routing moving to its next provider, a function reaching each listed fallback variant).
struct CoverageUniverse {
    let plan: RoutingPlan
    let items: Set<CoverageItem>

    init(plan: RoutingPlan) {
        self.plan = plan
        var items: Set<CoverageItem> = []
        for function in plan.functions.values {
            items.insert(CoverageItem(.function, function.name))
            for variant in function.variants.keys { items.insert(CoverageItem(.variant, "\(function.name).\(variant)")) }
            for fallback in function.sampling.fallbacks { items.insert(.variantEdge(function: function.name, to: fallback)) }
        }
        let models = Array(plan.models.values) + plan.shorthandModels.values
        for model in models {
            items.insert(CoverageItem(.model, model.name))
            for provider in model.routing {
                if !model.isShorthand { items.insert(CoverageItem(.provider, "\(model.name).\(provider.name)")) }
                for link in provider.credentials.links where ![.sdk, .none].contains(link.location.form) {
                    items.insert(.credential(link.location.description, side: Self.side(link.role)))
                }
            }
            for (from, to) in zip(model.routing, model.routing.dropFirst()) {
                items.insert(.providerEdge(model: model.name, from: from.name, to: to.name))
            }
        }
        self.items = items
    }

    /// How a link's side is named in items (`nil` for a single location).
    static func side(_ role: CredentialRole) -> String? {
        role == .only ? nil : role.rawValue
    }
}
