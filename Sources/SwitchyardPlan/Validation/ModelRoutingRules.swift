import SwitchyardConfig

/// `routing` must name each configured provider exactly once, and nothing else.
struct ModelRoutingRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for model in config.models {
            let routingPath = "\(model.path).routing"
            if model.routing.isEmpty, model.routingLocation != model.location {
                diagnostics.report(.routingEmpty, at: model.routingLocation, path: model.path, "`routing` must not be empty")
            }
            var seen: Set<String> = []
            for entry in model.routing {
                if entry.value.hasPrefix("tensorzero::") {
                    diagnostics.report(.providerNameReserved, at: entry.location, path: routingPath, "Provider name cannot start with 'tensorzero::': \(entry.value)")
                }
                if !seen.insert(entry.value).inserted {
                    diagnostics.report(.routingDuplicate, at: entry.location, path: routingPath, "duplicate entry `\(entry.value)`")
                } else if model.provider(named: entry.value) == nil {
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
