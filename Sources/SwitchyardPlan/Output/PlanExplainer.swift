/// Renders a plan as a readable tree: function → variants (share, fallback order) → model → providers →
/// credential chain.
public struct PlanExplainer: Sendable {
    public let plan: RoutingPlan

    public init(plan: RoutingPlan) {
        self.plan = plan
    }

    /// The tree for one function or model, or for everything when `name` is `nil`; `nil` for an unknown name.
    public func explain(_ name: String?) -> String? {
        var lines: [String] = []
        switch name {
        case nil:
            for function in plan.functions.keys.sorted() { lines += functionTree(plan.functions[function]!) }
            let used = Set(plan.functions.values.flatMap { $0.variants.values.flatMap { [$0.model, $0.judgeModel].compactMap { $0 } } })
            let unused = plan.models.keys.sorted().filter { !used.contains($0) }
            if !unused.isEmpty {
                lines.append("models no function uses")
                for model in unused { lines += modelTree(plan.models[model]!, prefix: "") }
            }
        case let name? where plan.functions[name] != nil:
            lines = functionTree(plan.functions[name]!)
        case let name? where plan.model(named: name) != nil:
            lines = ["model \(name)"] + modelTree(plan.model(named: name)!, prefix: "", header: false)
        default:
            return nil
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func functionTree(_ function: FunctionPlan) -> [String] {
        var lines = ["function \(function.name) (\(function.kind.rawValue)), \(describe(function.sampling))"]
        let order = variantOrder(function)
        for (index, entry) in order.enumerated() {
            let last = index == order.count - 1
            lines.append((last ? "└─ " : "├─ ") + entry.label)
            guard let variant = function.variants[entry.name] else { continue }
            lines += variantTree(variant, prefix: last ? "   " : "│  ")
        }
        return lines
    }

    private func variantOrder(_ function: FunctionPlan) -> [(name: String, label: String)] {
        var order: [(String, String)] = []
        for candidate in function.sampling.candidates {
            order.append((candidate.variant, "\(candidate.variant)  \(percent(candidate.share)) of first choices"))
        }
        for (position, name) in function.sampling.fallbacks.enumerated() {
            order.append((name, "\(name)  fallback #\(position + 1)"))
        }
        for name in function.sampling.neverSampled {
            order.append((name, "\(name)  never sampled (pin it with variant_name)"))
        }
        let listed = Set(order.map(\.0))
        for name in function.variants.keys.sorted() where !listed.contains(name) {
            order.append((name, name))
        }
        return order
    }

    private func variantTree(_ variant: VariantPlan, prefix: String) -> [String] {
        var details = [variant.kind.rawValue]
        if variant.numRetries > 0 { details.append("retries \(variant.numRetries) (max delay \(trim(variant.maxDelaySeconds))s)") }
        if let timeouts = variant.timeouts { details.append("timeouts \(describe(timeouts))") }
        var lines = ["\(prefix)   \(details.joined(separator: ", "))"]
        if !variant.candidates.isEmpty { lines.append("\(prefix)   candidates: \(variant.candidates.joined(separator: ", "))") }
        if let judge = variant.judge {
            var judgeDetails = ["\(variant.kind == .bestOfN ? "evaluator" : "fuser"): model \(judge.model ?? "?")"]
            if judge.numRetries > 0 { judgeDetails.append("retries \(judge.numRetries) (max delay \(trim(judge.maxDelaySeconds))s)") }
            if let mode = judge.jsonMode { judgeDetails.append("json_mode \(mode)") }
            lines.append("\(prefix)   \(judgeDetails.joined(separator: ", "))")
        }
        for model in [variant.model, variant.judgeModel].compactMap({ $0 }) {
            guard let modelPlan = plan.model(named: model) else { continue }
            lines += modelTree(modelPlan, prefix: prefix + "   ")
        }
        return lines
    }

    private func modelTree(_ model: ModelPlan, prefix: String, header: Bool = true) -> [String] {
        var lines: [String] = []
        if header {
            var title = "\(prefix)model \(model.name)"
            if model.isShorthand { title += " (shorthand)" }
            if let timeouts = model.timeouts { title += ", timeouts \(describe(timeouts))" }
            lines.append(title)
        }
        for (index, provider) in model.routing.enumerated() {
            let last = index == model.routing.count - 1
            var title = "\(prefix)\(last ? "└─ " : "├─ ")\(index + 1). \(provider.name) [\(provider.type.rawValue)"
            if let wireModel = provider.wireModel { title += " \(wireModel)" }
            title += "] \(provider.endpoint)"
            if let timeouts = provider.timeouts { title += ", timeouts \(describe(timeouts))" }
            lines.append(title)
            let inner = prefix + (last ? "   " : "│  ")
            let origin = describe(provider.credentials.origin, type: provider.type.rawValue)
            for link in provider.credentials.links {
                let role = link.role == .only ? "" : "\(link.role.rawValue): "
                let status = link.status.rawValue.replacingOccurrences(of: "_", with: " ")
                lines.append("\(inner)key \(role)\(link.location) (\(status)\(origin))")
            }
        }
        return lines
    }

    private func describe(_ origin: CredentialOrigin, type: String) -> String {
        switch origin {
        case .provider: ""
        case .providerTypeDefaults: ", from [provider_types.\(type).defaults]"
        case .builtIn: ", built-in default"
        }
    }

    private func describe(_ sampling: SamplingPlan) -> String {
        switch sampling.policy {
        case .uniform: "uniform sampling"
        case .staticWeights: "static weights"
        case .legacyWeights: "legacy variant weights"
        case .adaptive: "adaptive (track-and-stop) sampling"
        }
    }

    private func describe(_ timeouts: TimeoutPlan) -> String {
        var parts: [String] = []
        if let value = timeouts.nonStreamingTotalMs { parts.append("total \(value)ms") }
        if let value = timeouts.streamingTTFTMs { parts.append("stream ttft \(value)ms") }
        if let value = timeouts.streamingTotalMs { parts.append("stream total \(value)ms") }
        return parts.joined(separator: " ")
    }

    private func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return "\(trim(tenths))%"
    }

    private func trim(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
