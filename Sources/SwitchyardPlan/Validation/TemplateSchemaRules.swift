import SwitchyardConfig

/// Templates against the function's schemas (TensorZero's `validate_legacy_template_and_schema` and
/// `validate_all_schemas_have_templates`, reference §4):
/// - a role template without a schema may only read its message text (`system_text`, `user_text`,
///   `assistant_text`);
/// - a role schema needs the role template in every chat-completion variant, and `schemas.NAME` needs
///   `templates.NAME`;
/// - a template with a schema that reads a variable the schema's `properties` do not list is warned about:
///   requests fail to render unless they send it anyway.
struct TemplateSchemaRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            let schemaNames = Set(function.schemas.keys.filter { $0 != "output_schema" }.map(ReferencedFile.schemaName(forKey:)))
            for variant in function.variants where variant.kind == .chatCompletion || variant.kind == .chainOfThought {
                requireTemplates(for: schemaNames, function: function, variant: variant, diagnostics: diagnostics)
                for (key, written) in variant.templates.sorted(by: { $0.key < $1.key }) {
                    let (name, isRoleField) = ReferencedFile.templateName(forKey: key)
                    guard let template = Self.parse(written) else { continue }
                    let schemaKey = function.schemas[isRoleField ? "\(name)_schema" : "schemas.\(name)"]
                    if let schemaKey {
                        checkVariables(template, against: schemaKey, written: written, path: "\(variant.path).\(key)", diagnostics: diagnostics)
                    } else if isRoleField {
                        let allowed = "\(name)_text"
                        let needed = template.undeclaredVariables.subtracting([allowed]).sorted()
                        guard !needed.isEmpty else { continue }
                        diagnostics.report(
                            .templateFile, at: written.location, path: "\(variant.path).\(key)",
                            "template needs variables: [\(needed.joined(separator: ", "))] but only `\(allowed)` is allowed when template has no schema",
                            notes: ["Add `\(name)_schema` to `[\(function.path)]` describing these variables."]
                        )
                    }
                }
            }
        }
    }

    private func requireTemplates(for schemas: Set<String>, function: FunctionConfig, variant: VariantConfig, diagnostics: DiagnosticCollector) {
        for schema in schemas.sorted() {
            let isRole = ["system", "user", "assistant"].contains(schema) && function.schemas["\(schema)_schema"] != nil
            guard variant.templates[isRole ? "\(schema)_template" : "templates.\(schema)"] == nil else { continue }
            let message = isRole
                ? "`\(variant.path).\(schema)_template`: template is required when schema is specified"
                : "`\(variant.path).templates.\(schema)` is required when `\(function.path).schemas.\(schema)` is specified"
            diagnostics.report(.schemaWithoutTemplate, at: variant.name.location, path: variant.path, message)
        }
    }

    private func checkVariables(_ template: MiniJinjaTemplate, against schema: Located<String>, written: Located<String>, path: String, diagnostics: DiagnosticCollector) {
        guard let contents = ReferencedFile(schema).contents(), let document = try? JSONParser.parse(contents),
              case .object(let properties)? = document.objectMembers?["properties"] else { return }
        let missing = template.undeclaredVariables.subtracting(properties.keys).sorted()
        guard !missing.isEmpty else { return }
        let closed = document.objectMembers?["additionalProperties"] == .bool(false)
        diagnostics.report(
            .templateVariableNotInSchema, at: written.location, path: path,
            "template reads \(missing.map { "`\($0)`" }.joined(separator: ", ")), which schema `\(schema.value)` does not declare"
                + (closed ? " and does not allow (`additionalProperties = false`)" : ""),
            notes: ["A request that does not send \(missing.count == 1 ? "it" : "them") fails with `undefined value` unless the template checks `is defined`."]
        )
    }

    static func parse(_ written: Located<String>) -> MiniJinjaTemplate? {
        ReferencedFile(written).contents().flatMap { try? MiniJinjaTemplate(source: String(decoding: $0, as: UTF8.self)) }
    }
}
