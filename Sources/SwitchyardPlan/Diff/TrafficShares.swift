/// Where a function's traffic goes when everything is healthy: each sampled variant's share of first choices
/// lands on its model's first provider, presenting that provider's first credential location.
public enum TrafficShares {
    /// Share of `function`'s requests by upstream, named `MODEL.PROVIDER (LOCATION)`.
    public static func of(_ function: FunctionPlan, in plan: RoutingPlan) -> [String: Double] {
        var shares: [String: Double] = [:]
        for (variant, share) in variantShares(function) where share > 0 {
            guard let name = function.variants[variant]?.model, let model = plan.model(named: name), let provider = model.routing.first else { continue }
            let credential = provider.credentials.links.first.map { " (\($0.location))" } ?? ""
            shares["\(model.isShorthand ? name : "\(name).\(provider.name)")\(credential)", default: 0] += share
        }
        return shares
    }

    /// Each variant's share of first choices (uniform sampling gives every variant the same share).
    public static func variantShares(_ function: FunctionPlan) -> [String: Double] {
        if function.sampling.policy == .uniform || function.sampling.candidates.isEmpty {
            let names = function.variants.keys
            return Dictionary(uniqueKeysWithValues: names.map { ($0, 1 / Double(names.count)) })
        }
        return Dictionary(function.sampling.candidates.map { ($0.variant, $0.share) }, uniquingKeysWith: { first, _ in first })
    }

    /// The `MODEL.PROVIDER` routes a function can be served by: every provider of every variant it samples or
    /// falls back to.
    public static func routes(of function: FunctionPlan, in plan: RoutingPlan) -> Set<String> {
        let reachable = Set(variantShares(function).filter { $0.value > 0 }.map(\.key)).union(function.sampling.fallbacks)
        var routes: Set<String> = []
        for variant in reachable {
            guard let name = function.variants[variant]?.model, let model = plan.model(named: name) else { continue }
            for provider in model.routing { routes.insert(model.isShorthand ? name : "\(name).\(provider.name)") }
        }
        return routes
    }

    /// Every credential location on any route of `function`.
    public static func credentials(of function: FunctionPlan, in plan: RoutingPlan) -> Set<String> {
        let reachable = Set(variantShares(function).filter { $0.value > 0 }.map(\.key)).union(function.sampling.fallbacks)
        var locations: Set<String> = []
        for variant in reachable {
            guard let name = function.variants[variant]?.model, let model = plan.model(named: name) else { continue }
            for provider in model.routing { locations.formUnion(provider.credentials.links.map(\.location.description)) }
        }
        return locations
    }
}
