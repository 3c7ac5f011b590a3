import SwitchyardConfig

/// A chat function's `tools` must name `[tools.*]` entries.
struct FunctionToolRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        let known = Set(config.tools.map(\.name.value))
        for function in config.functions {
            for tool in function.tools where !known.contains(tool.value) {
                diagnostics.report(.unknownTool, at: tool.location, path: "\(function.path).tools", "tool `\(tool.value)` is not present in the config")
            }
        }
    }
}
