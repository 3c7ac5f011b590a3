/// The routing plan as nodes and edges (function → variants → models → providers → credential locations),
/// for the diagram renderers; with an outage, what it removes is marked lost.
public struct RoutingGraph: Sendable {
    /// What a node stands for.
    public enum Kind: String, Sendable {
        case function, variant, model, provider, credential
    }

    /// One box of the diagram; `lines` are its label, first line first.
    public struct Node: Sendable, Hashable {
        public var id: String
        public var kind: Kind
        public var lines: [String]
        public var isLost: Bool
    }

    /// One arrow; `isSecondary` marks fallbacks (drawn dashed).
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var label: String?
        public var isSecondary: Bool
        public var isLost: Bool
    }

    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    /// The outage drawn, if any.
    public let outage: CredentialOutage?

    private let plan: RoutingPlan
    private var ids: [String: String] = [:]

    /// The graph of one function or model, or of everything when `name` is `nil`; `nil` for an unknown name.
    public init?(plan: RoutingPlan, name: String?, outage: CredentialOutage? = nil) {
        self.plan = plan
        self.outage = outage
        switch name {
        case nil:
            for function in plan.functions.keys.sorted() { addFunction(plan.functions[function]!) }
            for model in plan.models.keys.sorted() where ids["model:\(model)"] == nil { _ = addModel(plan.models[model]!) }
        case let name? where plan.functions[name] != nil:
            addFunction(plan.functions[name]!)
        case let name? where plan.model(named: name) != nil:
            _ = addModel(plan.model(named: name)!)
        default:
            return nil
        }
    }

    private mutating func addFunction(_ function: FunctionPlan) {
        let id = addNode("function:\(function.name)", .function,
                         ["function \(function.name) (\(function.kind.rawValue))", samplingText(function.sampling.policy)],
                         lost: outage?.lostFunctions.contains(function.name) ?? false)
        var drawn: Set<String> = []
        for candidate in function.sampling.candidates {
            let share = (candidate.share * 1000).rounded() / 10
            link(id, label: "\(trim(share))%", secondary: false) { $0.addVariant(function, candidate.variant) }
            drawn.insert(candidate.variant)
        }
        for (position, name) in function.sampling.fallbacks.enumerated() {
            link(id, label: "fallback #\(position + 1)", secondary: true) { $0.addVariant(function, name) }
            drawn.insert(name)
        }
        for name in function.sampling.neverSampled where !drawn.contains(name) {
            link(id, label: "never sampled", secondary: true) { $0.addVariant(function, name) }
            drawn.insert(name)
        }
        for name in function.variants.keys.sorted() where !drawn.contains(name) {
            link(id, label: nil, secondary: false) { $0.addVariant(function, name) }
        }
    }

    private mutating func addVariant(_ function: FunctionPlan, _ name: String) -> String {
        let key = "variant:\(function.name)/\(name)"
        if let id = ids[key] { return id }
        guard let variant = function.variants[name] else { return addNode(key, .variant, ["variant \(name)"], lost: false) }
        var details = [variant.kind.rawValue]
        if variant.numRetries > 0 { details.append("retries \(variant.numRetries)") }
        let lost = outage?.lostVariants.contains(.init(function: function.name, variant: name)) ?? false
        let id = addNode(key, .variant, ["variant \(name)", details.joined(separator: ", ")], lost: lost)
        for candidate in variant.candidates.uniqued() {
            link(id, label: "candidate", secondary: false) { $0.addVariant(function, candidate) }
        }
        if let model = variant.model.flatMap(plan.model(named:)) { link(id, label: nil, secondary: false) { $0.addModel(model) } }
        if let judge = variant.judgeModel.flatMap(plan.model(named:)) {
            link(id, label: variant.kind == .mixtureOfN ? "fuser" : "evaluator", secondary: true) { $0.addModel(judge) }
        }
        return id
    }

    private mutating func addModel(_ model: ModelPlan) -> String {
        let key = "model:\(model.name)"
        if let id = ids[key] { return id }
        let id = addNode(key, .model, ["model \(model.name)" + (model.isShorthand ? " (shorthand)" : "")],
                         lost: outage?.lostModels.contains(model.name) ?? false)
        for (index, provider) in model.routing.enumerated() {
            link(id, label: "\(index + 1)", secondary: index > 0) { $0.addProvider(provider, of: model) }
        }
        return id
    }

    private mutating func addProvider(_ provider: ProviderPlan, of model: ModelPlan) -> String {
        var kind = provider.type.rawValue
        if let wireModel = provider.wireModel { kind += " \(wireModel)" }
        let lost = outage?.lostProviders.contains(.init(model: model.name, provider: provider.name)) ?? false
        let id = addNode("provider:\(model.name)/\(provider.name)", .provider, ["provider \(provider.name)", kind], lost: lost)
        let onlyLinks = provider.credentials.links.filter { $0.role == .only }.count
        for link in provider.credentials.links {
            let label: String? = switch link.role {
            case .only: onlyLinks > 1 ? link.field : nil
            case .default, .fallback: link.role.rawValue
            }
            let linkLost = outage?.isLost(link, of: provider.credentials) ?? false
            edges.append(Edge(from: id, to: addCredential(link), label: label, isSecondary: link.role == .fallback, isLost: lost || linkLost))
        }
        return id
    }

    private mutating func addCredential(_ link: CredentialLink) -> String {
        let status = plan.credentials[link.location.description]?.status ?? link.status
        return addNode("credential:\(link.location)", .credential,
                       [link.location.description, status.rawValue.replacingOccurrences(of: "_", with: " ")],
                       lost: outage?.location == link.location)
    }

    private mutating func addNode(_ key: String, _ kind: Kind, _ lines: [String], lost: Bool) -> String {
        if let id = ids[key] { return id }
        let id = "n\(nodes.count + 1)"
        ids[key] = id
        nodes.append(Node(id: id, kind: kind, lines: lines, isLost: lost))
        return id
    }

    /// An arrow from `from` to the node `child` adds, placed before the arrows `child` adds (top-down order).
    private mutating func link(_ from: String, label: String?, secondary: Bool, to child: (inout RoutingGraph) -> String) {
        let position = edges.count
        let to = child(&self)
        let lost = nodes.contains { ($0.id == from || $0.id == to) && $0.isLost }
        edges.insert(Edge(from: from, to: to, label: label, isSecondary: secondary, isLost: lost), at: position)
    }

    private func samplingText(_ policy: SamplingPlan.Policy) -> String {
        switch policy {
        case .uniform: "uniform sampling"
        case .staticWeights: "static weights"
        case .legacyWeights: "legacy variant weights"
        case .adaptive: "adaptive sampling (initial shares)"
        }
    }

    private func trim(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

private extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
