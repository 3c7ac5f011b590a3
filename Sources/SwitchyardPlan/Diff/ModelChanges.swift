/// What changed in one model: its routing order, its providers and their settings, its timeouts.
struct ModelChanges {
    let old: RoutingPlan
    let new: RoutingPlan

    /// The change lines of model `name`, empty when nothing changed.
    func lines(_ name: String) -> [String] {
        switch (old.model(named: name), new.model(named: name)) {
        case (nil, let added?):
            return ["added, routing \(routing(added))"]
        case (let removed?, nil):
            return ["removed (routing was \(routing(removed)))"]
        case (let before?, let after?):
            return compare(before, after)
        case (nil, nil):
            return []
        }
    }

    private func compare(_ before: ModelPlan, _ after: ModelPlan) -> [String] {
        var lines: [String] = []
        if let order = DiffWording.change("routing order", routing(before), routing(after)) { lines.append(order) }
        if let timeouts = DiffWording.change("timeouts", DiffWording.timeouts(before.timeouts), DiffWording.timeouts(after.timeouts)) {
            lines.append(timeouts)
        }
        for provider in after.routing {
            guard let previous = before.routing.first(where: { $0.name == provider.name }) else {
                lines.append("provider `\(provider.name)` added: \(describe(provider))")
                continue
            }
            lines += providerLines(previous, provider)
        }
        for provider in before.routing where !after.routing.contains(where: { $0.name == provider.name }) {
            lines.append("provider `\(provider.name)` removed (was \(describe(provider)))")
        }
        return lines
    }

    private func providerLines(_ before: ProviderPlan, _ after: ProviderPlan) -> [String] {
        let changes = [
            DiffWording.change("type", before.type.rawValue, after.type.rawValue),
            DiffWording.change("endpoint", before.endpoint, after.endpoint),
            DiffWording.change("wire model", before.wireModel ?? "none", after.wireModel ?? "none"),
            DiffWording.change("credentials", DiffWording.credentials(before.credentials), DiffWording.credentials(after.credentials)),
            DiffWording.change("timeouts", DiffWording.timeouts(before.timeouts), DiffWording.timeouts(after.timeouts)),
        ].compactMap { $0 }
        return changes.map { "provider `\(after.name)`: \($0)" }
    }

    /// `openai` `gpt-4o-mini` with credentials `env::KEY`.
    private func describe(_ provider: ProviderPlan) -> String {
        "\(provider.type.rawValue)" + (provider.wireModel.map { " `\($0)`" } ?? "") + ", credentials " + DiffWording.credentials(provider.credentials)
    }

    private func routing(_ model: ModelPlan) -> String {
        model.routing.map { "`\($0.name)`" }.joined(separator: ", ")
    }
}
