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
        for variant in function.variants {
            variants[variant.name.value] = VariantPlan(
                name: variant.name.value, kind: variant.kind, model: variant.model?.value,
                candidates: variant.candidates.map(\.value), judgeModel: variant.judgeModel?.value,
                numRetries: variant.retries.numRetries, maxDelaySeconds: variant.retries.maxDelaySeconds,
                timeouts: variant.timeouts.map(TimeoutLowering.lower), jsonMode: variant.jsonMode?.value,
                extraHeaders: ExtraSettingLowering.lower(variant.extraHeaders), extraBody: ExtraSettingLowering.lower(variant.extraBody),
                templates: TemplateLowering.templates(of: variant), schemas: schemas
            )
        }
        return FunctionPlan(
            name: function.name.value, kind: function.kind, sampling: sampling, variants: variants,
            interface: InterfaceLowering.lower(function, tools: tools)
        )
    }
}
