/// One `[functions.F]` table.
public struct FunctionConfig: Sendable {
    /// `chat` or `json`.
    public enum Kind: String, Sendable, Hashable {
        case chat
        case json
    }

    public var name: Located<String>
    public var kind: Kind
    /// `functions.F`.
    public var path: String
    public var location: SourceLocation
    /// Variants in the order they were written.
    public var variants: [VariantConfig]
    public var experimentation: ExperimentationConfig?
    /// Tool names (chat functions).
    public var tools: [Located<String>]
    /// Schema paths by role (`system_schema`, `user_schema`, `assistant_schema`, `output_schema`) and by name
    /// (`schemas.NAME`, from `[functions.F.schemas.NAME] path = …`).
    public var schemas: [String: Located<String>]
    /// `tool_choice` (chat functions): `none`, `auto`, `required`, or `{ specific = "NAME" }` as `specific::NAME`.
    public var toolChoice: Located<String>?
    /// `parallel_tool_calls` (chat functions).
    public var parallelToolCalls: Bool?

    /// The variant named `name`, if any.
    public func variant(named name: String) -> VariantConfig? {
        // By index: `first(where:)` would copy every variant it looks at.
        variants.firstIndex { $0.name.value == name }.map { variants[$0] }
    }

    /// Whether a variant named `name` exists.
    public func hasVariant(named name: String) -> Bool {
        variants.firstIndex { $0.name.value == name } != nil
    }

    static let chatFields = [
        "variants", "system_schema", "user_schema", "assistant_schema", "schemas", "tools", "tool_choice",
        "parallel_tool_calls", "description", "experimentation", "evaluators",
    ]
    static let jsonFields = [
        "variants", "system_schema", "user_schema", "assistant_schema", "schemas", "output_schema", "description",
        "experimentation", "evaluators",
    ]

    static func read(name: Located<String>, value: TOMLValue, diagnostics: DiagnosticCollector) -> FunctionConfig? {
        let path = keyPath("functions", name.value)
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return nil }
        guard let typeName = reader.string("type", required: true) else { return nil }
        guard let kind = Kind(rawValue: typeName.value) else {
            diagnostics.report(.invalidValue, at: typeName.location, path: path, "unknown variant `\(typeName.value)`, expected `chat` or `json`")
            return nil
        }
        var function = FunctionConfig(
            name: name, kind: kind, path: path, location: value.location, variants: [], experimentation: nil,
            tools: [], schemas: [:], toolChoice: nil, parallelToolCalls: nil
        )
        if let variants = reader.table("variants", required: true) {
            function.variants.reserveCapacity(variants.table.count)
            for entry in variants.table.entries {
                let variantName = Located(entry.key, at: entry.keyLocation)
                if let variant = VariantConfig.read(name: variantName, value: entry.value, functionPath: path, diagnostics: diagnostics) {
                    function.variants.append(variant)
                }
            }
        }
        function.experimentation = ExperimentationConfig.read(from: &reader)
        for role in ["system_schema", "user_schema", "assistant_schema"] + (kind == .json ? ["output_schema"] : []) {
            if let schema = reader.string(role) { function.schemas[role] = schema }
        }
        if kind == .chat {
            function.tools = reader.stringArray("tools") ?? []
            function.parallelToolCalls = reader.bool("parallel_tool_calls")?.value
            function.toolChoice = ToolChoiceConfig.read(from: &reader)
        }
        if let named = reader.table("schemas") {
            for entry in named.table.entries {
                guard var schema = TableReader(entry.value, path: named.path(of: entry.key), diagnostics: diagnostics) else { continue }
                if let path = schema.string("path", required: true) { function.schemas["schemas.\(entry.key)"] = path }
                schema.rejectUnknownKeys(expected: ["path"])
            }
        }
        _ = reader.string("description")
        reader.accept(["evaluators"])
        reader.rejectUnknownKeys(expected: kind == .chat ? chatFields : jsonFields)
        return function
    }
}
