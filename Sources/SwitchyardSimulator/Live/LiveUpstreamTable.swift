import SwitchyardPlan

/// The upstreams a plan calls, numbered: the live gateway sends upstream N's requests to
/// `http://127.0.0.1:PORT/upstream/N/…` on the mock server, which answers as that provider.
struct LiveUpstreamTable: Sendable {
    struct Upstream: Sendable {
        var key: UpstreamKey
        var provider: ProviderPlan
    }

    /// Every provider of every configured and referenced shorthand model, in model-name then routing order.
    let upstreams: [Upstream]
    private let numbers: [UpstreamKey: Int]

    static let pathPrefix = "/upstream/"

    init(plan: RoutingPlan) {
        let models = plan.models.merging(plan.shorthandModels) { configured, _ in configured }
        upstreams = models.keys.sorted().flatMap { name in
            models[name]!.routing.map { Upstream(key: UpstreamKey(model: name, provider: $0.name), provider: $0) }
        }
        numbers = Dictionary(uniqueKeysWithValues: upstreams.enumerated().map { ($1.key, $0) })
    }

    /// `plan` with every provider's endpoint on the mock server at `port`.
    func redirected(_ plan: RoutingPlan, port: Int) -> RoutingPlan {
        var plan = plan
        for name in plan.models.keys { plan.models[name] = redirected(plan.models[name]!, named: name, port: port) }
        for name in plan.shorthandModels.keys where plan.models[name] == nil {
            plan.shorthandModels[name] = redirected(plan.shorthandModels[name]!, named: name, port: port)
        }
        return plan
    }

    /// The upstream number a mock request's path starts with.
    func number(inPath path: Substring) -> Int? {
        guard path.hasPrefix(Self.pathPrefix) else { return nil }
        let digits = path.dropFirst(Self.pathPrefix.count).prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits), upstreams.indices.contains(number) else { return nil }
        return number
    }

    private func redirected(_ model: ModelPlan, named name: String, port: Int) -> ModelPlan {
        var model = model
        for index in model.routing.indices {
            let number = numbers[UpstreamKey(model: name, provider: model.routing[index].name)]!
            model.routing[index].endpoint = "http://127.0.0.1:\(port)\(Self.pathPrefix)\(number)"
        }
        return model
    }
}
