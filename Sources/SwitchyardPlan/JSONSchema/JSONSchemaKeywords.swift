/// Which schema keywords the validator implements, which it reads as annotations, and which it knows but
/// does not implement (those are refused at compile time rather than ignored).
enum JSONSchemaKeywords {
    /// Keywords that only describe (they assert nothing); `format` is one in draft 2020-12 (see `formatAsserts`).
    static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding", "contentSchema", "$defs", "definitions",
    ]

    /// JSON Schema keywords (drafts 04 to 2020-12) that assert something this validator does not check.
    static let unsupported: Set<String> = [
        "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "contains", "minContains", "maxContains",
        "propertyNames", "unevaluatedProperties", "unevaluatedItems", "$anchor", "$dynamicRef", "$dynamicAnchor",
        "$recursiveRef", "$recursiveAnchor", "$vocabulary",
    ]

    /// Drafts whose validators check `format` by default (TensorZero's validator does so for these drafts, and
    /// treats `format` as an annotation from 2019-09 on).
    static func formatAsserts(schemaURI: String?) -> Bool {
        guard let uri = schemaURI else { return false }
        return ["draft-04", "draft-06", "draft-07"].contains { uri.contains($0) }
    }
}
