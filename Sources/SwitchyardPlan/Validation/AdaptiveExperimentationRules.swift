import SwitchyardConfig

/// Track-and-stop settings: a known metric, non-empty candidates, parameters in range, and Postgres.
struct AdaptiveExperimentationRules {
    func validate(_ experimentation: ExperimentationConfig, function: FunctionConfig, config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        let path = experimentation.path
        if experimentation.candidates?.isEmpty ?? true {
            diagnostics.report(.trackAndStopInvalid, at: experimentation.location, path: path, "Track-and-Stop candidate_variants cannot be empty")
        }
        if let metric = experimentation.metric, !config.metrics.contains(where: { $0.name.value == metric.value }) {
            diagnostics.report(.trackAndStopInvalid, at: metric.location, path: path, "Metric '\(metric.value)' not found in metrics config")
        }
        if let delta = experimentation.delta, !(delta.value > 0 && delta.value < 1) {
            diagnostics.report(.trackAndStopInvalid, at: delta.location, path: path, "Track-and-Stop delta must be in (0, 1), got \(delta.value)")
        }
        if let epsilon = experimentation.epsilon, epsilon.value < 0 {
            diagnostics.report(.trackAndStopInvalid, at: epsilon.location, path: path, "Track-and-Stop epsilon must be >= 0, got \(epsilon.value)")
        }
        if let minProbability = experimentation.minProbability, !(0...1).contains(minProbability.value) {
            diagnostics.report(.trackAndStopInvalid, at: minProbability.location, path: path, "Track-and-Stop min_prob must be in [0, 1], got \(minProbability.value)")
        }
        if !context.environment.isSet("TENSORZERO_POSTGRES_URL") {
            diagnostics.report(
                .trackAndStopInvalid, at: experimentation.kind.location, path: path,
                "Track-and-Stop experimentation is configured for function `\(function.name.value)` but Postgres is not available. Track-and-Stop requires Postgres for episode-to-variant consistency. Please set the `TENSORZERO_POSTGRES_URL` environment variable."
            )
        }
    }
}
