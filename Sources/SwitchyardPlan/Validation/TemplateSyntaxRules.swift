import SwitchyardConfig

/// Every template a variant names must parse as MiniJinja (TensorZero refuses to load otherwise) and use
/// only what Switchyard's renderer implements, so no request is rendered differently from TensorZero.
struct TemplateSyntaxRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            for variant in function.variants {
                for (key, written) in variant.templates.sorted(by: { $0.key < $1.key }) {
                    let file = ReferencedFile(written)
                    guard let contents = file.contents() else { continue }
                    do {
                        _ = try MiniJinjaTemplate(source: String(decoding: contents, as: UTF8.self))
                    } catch {
                        let place = "`\(written.value)`:\(error.line):\(error.column)"
                        if error.isUnsupported {
                            diagnostics.report(
                                .templateUnsupported, at: written.location, path: "\(variant.path).\(key)", "\(place): \(error.message)",
                                notes: ["TensorZero would render this template; Switchyard refuses it rather than render it differently."]
                            )
                        } else {
                            diagnostics.report(
                                .templateSyntax, at: written.location, path: "\(variant.path).\(key)",
                                "\(place): syntax error: \(error.message) (in \(written.value):\(error.line))"
                            )
                        }
                    }
                }
            }
        }
    }
}
