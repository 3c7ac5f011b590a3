import SwitchyardEngine
import SwitchyardPlan

/// What a request says about tools and JSON output (`allowed_tools`, `additional_tools`, `tool_choice`,
/// `parallel_tool_calls`, `output_schema`, `params.chat_completion.json_mode`), merged with its function's
/// settings once the function is known.
struct RequestInterface: Sendable {
    var allowedTools: [String]?
    var additionalTools: [ToolPlan] = []
    var toolChoice: ToolSettings.Choice?
    var parallelToolCalls: Bool?
    /// `output_schema` (compact JSON text).
    var outputSchema: String?
    var jsonMode: String?

    /// The `/inference` fields.
    static func parse(_ body: JSONFields) throws -> RequestInterface {
        var interface = RequestInterface()
        interface.allowedTools = try body.strings("allowed_tools")
        for (index, raw) in (try body.array("additional_tools") ?? []).enumerated() {
            interface.additionalTools.append(try ToolDefinitionParser.tool(raw, path: "additional_tools[\(index)]"))
        }
        interface.toolChoice = try body.raw("tool_choice").map { try ToolDefinitionParser.choice($0, path: "tool_choice") }
        interface.parallelToolCalls = try body.bool("parallel_tool_calls")
        interface.outputSchema = try body.raw("output_schema").map { try SchemaValue.schema($0, field: "output_schema").compactText }
        interface.jsonMode = try body.fields("params")?.fields("chat_completion")?.string("json_mode")
        try validateJSONMode(interface.jsonMode)
        return interface
    }

    static func validateJSONMode(_ mode: String?) throws {
        guard let mode, !["off", "on", "strict", "tool"].contains(mode) else { return }
        throw GatewayError.badRequest(
            "Failed to deserialize JSON: `params.chat_completion.json_mode`: unknown variant `\(mode)`, expected one of `off`, `on`, `strict`, `tool`"
        )
    }

    /// Sets `payload.tools` and `payload.jsonOutput` from the function's settings and this request's.
    func apply(to payload: inout InferencePayload, function: FunctionPlan?) throws {
        let interface = function?.interface ?? FunctionInterfacePlan()
        // Like TensorZero, a chat function ignores `output_schema`.
        if function?.kind == .json {
            payload.jsonOutput = JSONOutputSettings(mode: jsonMode, schema: outputSchema ?? interface.schemas["output"] ?? "{}")
        }
        let known = Set(interface.tools.map(\.name) + additionalTools.map(\.name))
        var named = allowedTools ?? []
        if case .specific(let name)? = toolChoice { named.append(name) }
        if let unknown = named.first(where: { !known.contains($0) }) {
            throw GatewayError.badRequest("Tool not found: \(unknown)")
        }
        guard !interface.tools.isEmpty || !additionalTools.isEmpty else { return }
        payload.tools = ToolSettings(
            functionTools: interface.tools, additionalTools: additionalTools, allowedTools: allowedTools,
            choice: toolChoice ?? interface.toolChoice.flatMap(ToolSettings.Choice.init(planValue:)) ?? .auto,
            parallelToolCalls: parallelToolCalls ?? interface.parallelToolCalls
        )
    }
}
