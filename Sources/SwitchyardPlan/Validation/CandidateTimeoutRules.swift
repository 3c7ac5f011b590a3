import SwitchyardConfig

/// The deprecated best-of-N / mixture-of-N `timeout_s`: TensorZero warns, then copies it onto each candidate's
/// `timeouts` (`CandidateTimeoutLowering`), and refuses to start when a candidate already has `timeouts`, written
/// or copied by an earlier entry (so a candidate listed twice under `timeout_s` is refused too).
struct CandidateTimeoutRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            var timed = Set(function.variants.filter { $0.timeouts != nil }.map(\.name.value))
            for variant in function.variants {
                guard let seconds = variant.candidateTimeoutSeconds else { continue }
                diagnostics.report(
                    .deprecatedVariantType, .warning, at: seconds.location, path: "\(variant.path).timeout_s",
                    "Deprecation Warning (#2480 / 2026.2+): `timeout_s` in \(variant.path) is deprecated. Please use `[timeouts]` on your candidate variants instead."
                )
                for candidate in variant.candidates where function.hasVariant(named: candidate.value) {
                    if !timed.insert(candidate.value).inserted {
                        diagnostics.report(
                            .invalidValue, at: candidate.location, path: "\(variant.path).candidates",
                            "\(variant.path): cannot use `timeout_s` when candidate `\(candidate.value)` already has `[timeouts]` configured. Please remove `timeout_s` and configure timeouts directly on the candidate."
                        )
                    }
                }
            }
        }
    }
}
