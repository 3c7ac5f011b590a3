import Foundation
import SwitchyardConfig

/// A role template without a schema may only read the plain text of its message (`system_text`,
/// `user_text`, `assistant_text`); any other variable needs `system_schema` / `user_schema` / ….
struct TemplateSchemaRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            for variant in function.variants where !variant.templates.isEmpty {
                for role in ["system", "user", "assistant"] {
                    guard let template = variant.templates["\(role)_template"], function.schemas["\(role)_schema"] == nil,
                          let text = read(template) else { continue }
                    let allowed = "\(role)_text"
                    let needed = TemplateVariables.undeclared(in: text).subtracting([allowed]).sorted()
                    guard !needed.isEmpty else { continue }
                    diagnostics.report(
                        .templateFile, at: template.location, path: "\(variant.path).\(role)_template",
                        "template needs variables: [\(needed.joined(separator: ", "))] but only `\(allowed)` is allowed when template has no schema",
                        notes: ["Add `\(role)_schema` to `[\(function.path)]` describing these variables."]
                    )
                }
            }
        }
    }

    private func read(_ template: Located<String>) -> String? {
        let base = (template.location.file as NSString).deletingLastPathComponent
        let path = template.value.hasPrefix("/") ? template.value : (base as NSString).appendingPathComponent(template.value)
        return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}
