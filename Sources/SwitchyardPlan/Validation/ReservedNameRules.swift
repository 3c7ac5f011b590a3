import SwitchyardConfig

/// Names TensorZero keeps for itself: `tensorzero::` prefixes, provider-type prefixes on models, and the
/// metric names `comment` and `demonstration`.
struct ReservedNameRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for model in config.models where ShorthandModel.isReserved(model.name.value) {
            diagnostics.report(.modelNameReserved, at: model.name.location, path: model.path, "Failed to load models: Model name '\(model.name.value)' contains a reserved prefix")
        }
        for model in config.embeddingModels where ShorthandModel.isReserved(model.name.value) {
            diagnostics.report(
                .modelNameReserved, at: model.name.location, path: "embedding_models.\(model.name.value)",
                "Failed to load embedding models: Embedding model name '\(model.name.value)' contains a reserved prefix"
            )
        }
        for function in config.functions {
            if function.name.value.hasPrefix("tensorzero::") {
                diagnostics.report(.functionNameReserved, at: function.name.location, path: function.path, "User-defined function name cannot start with `tensorzero::`: \(function.name.value)")
            }
            for variant in function.variants where variant.name.value.hasPrefix("tensorzero::") {
                diagnostics.report(.variantNameReserved, at: variant.name.location, path: variant.path, "Variant name cannot start with 'tensorzero::': \(variant.name.value)")
            }
        }
        for metric in config.metrics {
            let path = "metrics.\(metric.name.value)"
            if metric.name.value.hasPrefix("tensorzero::") {
                diagnostics.report(.metricNameReserved, at: metric.name.location, path: path, "Metric name cannot start with 'tensorzero::': \(metric.name.value)")
            } else if ["comment", "demonstration"].contains(metric.name.value) {
                diagnostics.report(.metricNameReserved, at: metric.name.location, path: path, "Metric name '\(metric.name.value)' is reserved and cannot be used")
            }
        }
        for tool in config.tools where tool.name.value.hasPrefix("tensorzero::") {
            diagnostics.report(.toolNameReserved, at: tool.name.location, path: "tools.\(tool.name.value)", "Tool name cannot start with 'tensorzero::': \(tool.name.value)")
        }
    }
}
