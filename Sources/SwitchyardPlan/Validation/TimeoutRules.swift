import SwitchyardConfig

/// Every `*_ms` bound must fit under `gateway.global_outbound_http_timeout_ms`; a streaming `total_ms`
/// below `ttft_ms` makes the first-token bound meaningless.
struct TimeoutRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        let global = config.gateway.globalTimeoutMs
        for model in config.models {
            if let timeouts = model.timeouts { check(timeouts, path: model.path, global: global, diagnostics: diagnostics) }
            for provider in model.providers {
                if let timeouts = provider.timeouts { check(timeouts, path: provider.path, global: global, diagnostics: diagnostics) }
            }
        }
        for function in config.functions {
            for variant in function.variants {
                if let timeouts = variant.timeouts { check(timeouts, path: variant.path, global: global, diagnostics: diagnostics) }
            }
        }
    }

    private func check(_ timeouts: TimeoutsConfig, path: String, global: Int64, diagnostics: DiagnosticCollector) {
        let exceeds = { (bound: Located<Int64>?) in (bound?.value ?? 0) > global }
        if exceeds(timeouts.nonStreamingTotalMs) || exceeds(timeouts.streamingTTFTMs) || exceeds(timeouts.streamingTotalMs) {
            for bound in timeouts.bounds where bound.value.value > global {
                diagnostics.report(
                    .timeoutAboveGlobal, at: bound.value.location, path: "\(path).timeouts",
                    "The `timeouts.\(bound.name)` value `\(bound.value.value)` is greater than `gateway.global_outbound_http_timeout_ms`: `\(global)`"
                )
            }
        }
        if let ttft = timeouts.streamingTTFTMs, let total = timeouts.streamingTotalMs, total.value < ttft.value {
            diagnostics.report(
                .timeoutTotalBelowTTFT, at: total.location, path: "\(path).timeouts.streaming",
                "`total_ms` (\(total.value)) is below `ttft_ms` (\(ttft.value)), so the first-token bound never fires"
            )
        }
    }
}
