import SwitchyardConfig

/// Per-variant checks: the model exists, weights are non-negative, `json_mode` matches the function type,
/// multi-candidate variants name real variants.
struct VariantRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            if function.variants.isEmpty {
                diagnostics.report(
                    .functionWithoutVariants, at: function.location, path: function.path,
                    "function has no variants; every inference fails with ``Function `\(function.name.value)` has no variants``"
                )
            }
            for variant in function.variants {
                checkModels(variant, config: config, diagnostics: diagnostics)
                checkWeight(variant, diagnostics: diagnostics)
                checkJSONMode(variant, function: function, diagnostics: diagnostics)
                for candidate in variant.candidates where !function.hasVariant(named: candidate.value) {
                    diagnostics.report(.unknownCandidateVariant, at: candidate.location, path: "\(variant.path).candidates", "Unknown candidate variant: \(candidate.value)")
                }
                if variant.kind == .chainOfThought, function.kind == .chat {
                    diagnostics.report(
                        .variantTypeUnsupported, at: variant.location, path: variant.path,
                        "Unsupported variant `\(variant.name.value)` of type `chain_of_thought` for function `\(function.name.value)` of type `chat`"
                    )
                } else if variant.kind == .chainOfThought {
                    diagnostics.report(
                        .deprecatedVariantType, at: variant.location, path: variant.path,
                        "`experimental_chain_of_thought` is deprecated; TensorZero logs a warning when it loads"
                    )
                }
            }
        }
    }

    private func checkModels(_ variant: VariantConfig, config: TensorZeroConfig, diagnostics: DiagnosticCollector) {
        for model in [variant.model, variant.judgeModel].compactMap({ $0 }) where !config.resolvesModel(model.value) {
            diagnostics.report(
                .variantModelUnknown, at: model.location, path: variant.path, "Model name '\(model.value)' not found in model table",
                notes: nearMiss(model.value, among: config.models.map(\.name.value))
            )
        }
        if let embedding = variant.embeddingModel, !config.embeddingModels.contains(where: { $0.name.value == embedding.value }),
           ShorthandModel(embedding.value) == nil {
            diagnostics.report(.variantModelUnknown, at: embedding.location, path: variant.path, "Embedding model name '\(embedding.value)' not found in embedding model table")
        }
    }

    private func checkWeight(_ variant: VariantConfig, diagnostics: DiagnosticCollector) {
        guard let weight = variant.weight, weight.value < 0 else { return }
        diagnostics.report(.negativeWeight, at: weight.location, path: variant.path, "`weight` must be non-negative")
    }

    private func checkJSONMode(_ variant: VariantConfig, function: FunctionConfig, diagnostics: DiagnosticCollector) {
        switch (function.kind, variant.jsonMode) {
        case (.chat, let mode?):
            diagnostics.report(
                .jsonModeOnChatFunction, at: mode.location, path: variant.path,
                "JSON mode is not supported for variant `\(variant.name.value)` (parent function is a chat function)"
            )
        case (.json, nil) where variant.kind == .chatCompletion:
            diagnostics.report(
                .jsonModeMissing, at: variant.location, path: variant.path,
                "`json_mode` must be specified for `[\(variant.path)]` (parent function `\(function.name.value)` is a JSON function)"
            )
        default:
            break
        }
    }

    private func nearMiss(_ name: String, among names: [String]) -> [String] {
        let lowered = name.lowercased()
        guard let match = names.first(where: { $0.lowercased() == lowered || $0.replacingOccurrences(of: "-", with: "_") == name.replacingOccurrences(of: "-", with: "_") }) else {
            return []
        }
        return ["did you mean `\(match)`?"]
    }
}
