import SwitchyardConfig

/// Lowers a function to its plan entry and warns about variants that sampling can never reach.
enum FunctionLowering {
    static func lower(_ function: FunctionConfig, tools: [ToolConfig], diagnostics: DiagnosticCollector) -> FunctionPlan {
        let sampling = SamplingLowering.lower(function)
        for name in sampling.neverSampled {
            guard let variant = function.variant(named: name) else { continue }
            let isCandidate = function.variants.contains { $0.candidates.contains { $0.value == name } }
            let use = isCandidate ? "it runs only as a candidate of another variant or when pinned" : "it runs only when pinned with `variant_name`"
            diagnostics.report(.variantNeverSampled, at: variant.name.location, path: variant.path, "variant `\(name)` can never be sampled: \(use)")
        }
        if sampling.fallbackOrderUnspecified, let first = function.variants.first(where: { $0.weight == nil }) {
            diagnostics.report(
                .deprecatedWeight, .note, at: first.location, path: function.path,
                "unweighted variants \(sampling.fallbacks.map { "`\($0)`" }.joined(separator: ", ")) are fallbacks tried in an order TensorZero does not define",
                notes: ["Use `[\(function.path).experimentation]` with `fallback_variants` to fix the order."]
            )
        }
        var variants: [String: VariantPlan] = [:]
        variants.reserveCapacity(function.variants.count)
        let schemas = TemplateLowering.schemas(of: function)
        let candidateTimeouts = CandidateTimeoutLowering.timeouts(of: function)
        for variant in function.variants {
            var plan = lower(variant, schemas: schemas)
            if let timeouts = candidateTimeouts[variant.name.value] { plan.timeouts = timeouts }
            variants[variant.name.value] = plan
        }
        return FunctionPlan(
            name: function.name.value, kind: function.kind, sampling: sampling, variants: variants,
            interface: InterfaceLowering.lower(function, tools: tools)
        )
    }

    /// A variant's plan, with its evaluator or fuser as a nested chat-completion plan.
    private static func lower(_ variant: VariantConfig, schemas: [String: PlanFileRecord]) -> VariantPlan {
        let judgeKey = variant.judge == nil ? nil : variant.kind == .bestOfN ? "evaluator." : "fuser."
        return VariantPlan(
            name: variant.name.value, kind: variant.kind, model: variant.model?.value, candidates: variant.candidates.map(\.value),
            judge: variant.judge.map { lower($0, schemas: schemas) },
            numRetries: variant.retries.numRetries, maxDelaySeconds: variant.retries.maxDelaySeconds,
            timeouts: variant.timeouts.map(TimeoutLowering.lower), jsonMode: variant.jsonMode?.value, parameters: variant.parameters,
            extraHeaders: ExtraSettingLowering.lower(variant.extraHeaders), extraBody: ExtraSettingLowering.lower(variant.extraBody),
            templates: TemplateLowering.templates(of: variant, excludingPrefix: judgeKey), schemas: schemas
        )
    }
}
