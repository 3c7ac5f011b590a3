/// One `[tools.T]` table.
public struct ToolConfig: Sendable {
    public var name: Located<String>
    /// The JSON Schema file of the tool's parameters, relative to the file that names it.
    public var parameters: Located<String>?

    static let fields = ["description", "parameters", "name", "strict"]

    static func read(name: Located<String>, value: TOMLValue, diagnostics: DiagnosticCollector) -> ToolConfig? {
        guard var reader = TableReader(value, path: keyPath("tools", name.value), diagnostics: diagnostics) else { return nil }
        _ = reader.string("description", required: true)
        let parameters = reader.string("parameters", required: true)
        _ = reader.string("name")
        _ = reader.bool("strict")
        reader.rejectUnknownKeys(expected: fields)
        return ToolConfig(name: name, parameters: parameters)
    }
}
