import SwitchyardConfig

/// Every `*_ms` bound must fit under `gateway.global_outbound_http_timeout_ms`; a streaming `total_ms`
/// below `ttft_ms` makes the first-token bound meaningless.
struct TimeoutRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        let global = config.gateway.globalTimeoutMs
        var scopes: [(path: String, timeouts: TimeoutsConfig)] = []
        for model in config.models {
            if let timeouts = model.timeouts { scopes.append((model.path, timeouts)) }
            for provider in model.providers {
                if let timeouts = provider.timeouts { scopes.append((provider.path, timeouts)) }
            }
        }
        for variant in config.functions.flatMap(\.variants) {
            if let timeouts = variant.timeouts { scopes.append((variant.path, timeouts)) }
        }
        for (path, timeouts) in scopes {
            for bound in timeouts.bounds where bound.value.value > global {
                diagnostics.report(
                    .timeoutAboveGlobal, at: bound.value.location, path: "\(path).timeouts",
                    "The `timeouts.\(bound.name)` value `\(bound.value.value)` is greater than `gateway.global_outbound_http_timeout_ms`: `\(global)`"
                )
            }
            if let ttft = timeouts.streamingTTFTMs, let total = timeouts.streamingTotalMs, total.value < ttft.value {
                diagnostics.report(
                    .timeoutTotalBelowTTFT, at: total.location, path: "\(path).timeouts.streaming",
                    "`total_ms` (\(total.value)) is below `ttft_ms` (\(ttft.value)), so the first-token bound never fires"
                )
            }
        }
    }
}
