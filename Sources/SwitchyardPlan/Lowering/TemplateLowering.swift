import SwitchyardConfig

/// Lowers a variant's templates and its function's schemas to plan records: path as written, content
/// hash, and (for templates) the parsed source. Files that cannot be read or parsed are left out; the
/// validation rules have reported them and the plan is not produced.
enum TemplateLowering {
    static func templates(of variant: VariantConfig) -> [String: TemplatePlan] {
        var templates: [String: TemplatePlan] = [:]
        for (key, written) in variant.templates {
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
