/// One `[tools.T]` table.
public struct ToolConfig: Sendable {
    public var name: Located<String>
    /// The JSON Schema file of the tool's parameters, relative to the file that names it.
    public var parameters: Located<String>?
    public var description: String?
    /// `strict`: ask providers that support it to follow the parameters schema exactly.
    public var strict: Bool

    static let fields = ["description", "parameters", "name", "strict"]

    static func read(name: Located<String>, value: TOMLValue, diagnostics: DiagnosticCollector) -> ToolConfig? {
        guard var reader = TableReader(value, path: keyPath("tools", name.value), diagnostics: diagnostics) else { return nil }
        let description = reader.string("description", required: true)
        let parameters = reader.string("parameters", required: true)
        _ = reader.string("name")
        let strict = reader.bool("strict")?.value ?? false
        reader.rejectUnknownKeys(expected: fields)
        return ToolConfig(name: name, parameters: parameters, description: description?.value, strict: strict)
    }
}
