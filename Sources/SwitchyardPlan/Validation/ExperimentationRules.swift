import SwitchyardConfig

/// `[functions.F.experimentation]` checks: names exist, nothing is listed twice, weights are sane, and the
/// legacy per-variant `weight` is not mixed in (reference §3.3 and §4).
struct ExperimentationRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            let weighted = function.variants.filter { $0.weight != nil }
            guard let experimentation = function.experimentation else {
                if let first = weighted.first?.weight {
                    diagnostics.report(
                        .deprecatedWeight, at: first.location, path: function.path,
                        "the `weight` field on variants is deprecated (2026.6+); use `[\(function.path).experimentation]` with `type = \"static\"`"
                    )
                }
                continue
            }
            if !weighted.isEmpty {
                diagnostics.report(
                    .weightWithExperimentation, at: weighted[0].weight?.location, path: function.path,
                    "Cannot mix `experimentation` configuration with individual variant `weight` values. The following variants have weights specified: \(weighted.map(\.name.value).joined(separator: ", ")). Either use the `experimentation` section to control variant sampling, or specify `weight` on individual variants, but not both."
                )
            }
            if let replacement = experimentation.kind.value.replacement {
                diagnostics.report(
                    .deprecatedExperimentationType, at: experimentation.kind.location, path: experimentation.path,
                    "Experimentation type `\(experimentation.kind.value.rawValue)` is deprecated. Use `\(replacement)` instead."
                )
            }
            checkNames(experimentation, function: function, diagnostics: diagnostics)
            if experimentation.kind.value.isAdaptive {
                AdaptiveExperimentationRules().validate(experimentation, function: function, config: config, context: context, diagnostics: diagnostics)
            }
        }
    }

    private func checkNames(_ experimentation: ExperimentationConfig, function: FunctionConfig, diagnostics: DiagnosticCollector) {
        let label = experimentation.kind.value.isAdaptive ? "track-and-stop" : "static"
        let candidates = experimentation.candidates ?? []
        let fallbacks = experimentation.fallbacks ?? []
        for (name, weight) in candidates {
            if !function.hasVariant(named: name.value) {
                diagnostics.report(.experimentationUnknownVariant, at: name.location, path: experimentation.path, "\(label) experimentation: candidate variant `\(name.value)` does not exist in function variants")
            }
            if weight < 0 || weight.isNaN {
                diagnostics.report(.experimentationNegativeWeight, at: name.location, path: experimentation.path, "Invalid weight for variant `\(name.value)` in static experimentation config: \(weight)")
            }
        }
        for name in fallbacks where !function.hasVariant(named: name.value) {
            diagnostics.report(.experimentationUnknownVariant, at: name.location, path: experimentation.path, "\(label) experimentation: fallback variant `\(name.value)` does not exist in function variants")
        }
        var seen: Set<String> = []
        for (name, _) in candidates where !seen.insert(name.value).inserted {
            diagnostics.report(.experimentationDuplicateVariant, at: name.location, path: experimentation.path, "duplicate variant name in `candidate_variants`: `\(name.value)`")
        }
        let repeatedFallbacks = repeated(fallbacks.map(\.value))
        if !repeatedFallbacks.isEmpty, let first = fallbacks.first {
            diagnostics.report(.experimentationDuplicateVariant, at: first.location, path: experimentation.path, "`fallback_variants` contains duplicate entries: \(repeatedFallbacks.joined(separator: ", "))")
        }
        let overlap = fallbacks.filter { seen.contains($0.value) }
        if let first = overlap.first {
            diagnostics.report(
                .experimentationDuplicateVariant, at: first.location, path: experimentation.path,
                "variants cannot appear in both `candidate_variants` and `fallback_variants`: \(overlap.map(\.value).joined(separator: ", "))"
            )
        }
        let isUniformOverAll = experimentation.kind.value == .legacyUniform && experimentation.candidates == nil && experimentation.fallbacks == nil
        let activeCandidates = candidates.filter { $0.weight > 0 }
        if !experimentation.kind.value.isAdaptive, !isUniformOverAll, activeCandidates.isEmpty, fallbacks.isEmpty {
            diagnostics.report(
                .experimentationNothingSampleable, at: experimentation.location, path: experimentation.path,
                "Experimentation config has no active candidate variants and no fallback variants. At least one is required."
            )
        }
    }

    private func repeated(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var repeats: [String] = []
        for name in names where !seen.insert(name).inserted && !repeats.contains(name) { repeats.append(name) }
        return repeats
    }
}
