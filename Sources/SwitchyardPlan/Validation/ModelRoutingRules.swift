import SwitchyardConfig

/// `routing` must name each configured provider exactly once, and nothing else.
struct ModelRoutingRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for model in config.models {
            if model.routing.isEmpty, model.routingLocation != model.location {
                diagnostics.report(.routingEmpty, at: model.routingLocation, path: model.path, "`routing` must not be empty")
            }
            // Routing lists are short, so a list beats hashing.
            var seen: [String] = []
            seen.reserveCapacity(model.routing.count)
            for entry in model.routing {
                if entry.value.hasPrefix("tensorzero::") {
                    diagnostics.report(.providerNameReserved, at: entry.location, path: "\(model.path).routing", "Provider name cannot start with 'tensorzero::': \(entry.value)")
                }
                if seen.contains(entry.value) {
                    diagnostics.report(.routingDuplicate, at: entry.location, path: "\(model.path).routing", "duplicate entry `\(entry.value)`")
                    continue
                }
                seen.append(entry.value)
                if model.providers.firstIndex(where: { $0.name.value == entry.value }) == nil {
                    diagnostics.report(
                        .routingUnknownProvider, at: entry.location, path: model.path,
                        "`routing` contains entry `\(entry.value)` that does not exist in `providers`"
                    )
                }
            }
            for provider in model.providers where !seen.contains(provider.name.value) {
                diagnostics.report(.providerNotRouted, at: provider.name.location, path: model.path, "Provider `\(provider.name.value)` is not listed in `routing`")
            }
        }
    }
}
