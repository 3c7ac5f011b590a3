import SwitchyardConfig

/// Lowers a variant's templates and its function's schemas to plan records: path as written, content
/// hash, and (for templates) the parsed source. Files that cannot be read or parsed are left out; the
/// validation rules have reported them and the plan is not produced.
enum TemplateLowering {
    /// The variant's templates by name, leaving out keys starting with `excludingPrefix` (an evaluator's or fuser's,
    /// which its own plan carries).
    static func templates(of variant: VariantConfig, excludingPrefix: String? = nil) -> [String: TemplatePlan] {
        var templates: [String: TemplatePlan] = [:]
        for (key, written) in variant.templates where !(excludingPrefix.map(key.hasPrefix) ?? false) {
            let file = ReferencedFile(written)
            guard let contents = file.contents() else { continue }
            let (name, isRoleField) = ReferencedFile.templateName(forKey: key)
            templates[name] = try? TemplatePlan(file: file.record(contents), source: String(decoding: contents, as: UTF8.self), isRoleField: isRoleField)
        }
        return templates
    }

    static func schemas(of function: FunctionConfig) -> [String: PlanFileRecord] {
        var schemas: [String: PlanFileRecord] = [:]
        for (key, written) in function.schemas {
            let file = ReferencedFile(written)
            if let contents = file.contents() { schemas[ReferencedFile.schemaName(forKey: key)] = file.record(contents) }
        }
        return schemas
    }
}
