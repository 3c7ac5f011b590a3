import Foundation
import SwitchyardConfig

/// Templates, schemas and tool parameter files are read at load, relative to the file that names them.
struct FileReferenceRules: ValidationRule {
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
            for variant in function.variants {
                for (role, file) in variant.templates.sorted(by: { $0.key < $1.key }) {
                    check(file, path: "\(variant.path).\(role)", diagnostics: diagnostics)
                }
            }
        }
    }

    private func check(_ file: Located<String>, path: String, diagnostics: DiagnosticCollector) {
        let base = (file.location.file as NSString).deletingLastPathComponent
        let resolved = file.value.hasPrefix("/") ? file.value : (base as NSString).appendingPathComponent(file.value)
        guard !FileManager.default.isReadableFile(atPath: resolved) else { return }
        diagnostics.report(
            .templateFile, at: file.location, path: path,
            "Failed to resolve path `\(file.value)` (base: `\(base)`): No such file or directory (os error 2)"
        )
    }
}
