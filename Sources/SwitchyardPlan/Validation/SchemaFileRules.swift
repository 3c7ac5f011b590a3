import SwitchyardConfig

/// Every schema file a config names must be JSON and a schema the gateway can validate with: a syntax error is
/// reported at its line and column in the schema file, a malformed or unsupported keyword at the config entry.
struct SchemaFileRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for tool in config.tools {
            if let parameters = tool.parameters {
                check(parameters, path: "tools.\(tool.name.value).parameters", diagnostics: diagnostics)
            }
        }
        for function in config.functions {
            for (role, file) in function.schemas.sorted(by: { $0.key < $1.key }) {
                check(file, path: "\(function.path).\(role)", diagnostics: diagnostics)
            }
        }
    }

    private func check(_ file: Located<String>, path: String, diagnostics: DiagnosticCollector) {
        guard case .failure(let problem)? = SchemaFile.load(file) else { return }
        diagnostics.report(.schemaFile, at: problem.location, path: path, problem.message)
    }
}
