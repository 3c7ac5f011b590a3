import SwitchyardEngine

/// The OpenAI-compatible endpoint's tool and output fields: `tools` (offered as additional tools),
/// `tool_choice`, `parallel_tool_calls` and `response_format` (`json_schema` → `strict` with its schema,
/// `json_object` → `on`, `text` → `off`), and the `tool` / assistant `tool_calls` messages.
enum OpenAIToolFields {
    static func interface(_ body: JSONFields) throws -> RequestInterface {
        var interface = RequestInterface()
        for (index, raw) in (try body.array("tools") ?? []).enumerated() {
            let path = "tools[\(index)]"
            guard let entry = raw as? [String: Any], let function = entry["function"] else {
                throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: `\(path)` must be a `function` tool")
            }
            interface.additionalTools.append(try ToolDefinitionParser.tool(function, path: "\(path).function"))
        }
        if let raw = body.raw("tool_choice") {
            if let object = raw as? [String: Any], let name = (object["function"] as? [String: Any])?["name"] as? String {
                interface.toolChoice = .specific(name)
            } else {
                interface.toolChoice = try ToolDefinitionParser.choice(raw, path: "tool_choice")
            }
        }
        interface.parallelToolCalls = try body.bool("parallel_tool_calls")
        if let format = try body.fields("response_format") {
            switch try format.string("type") {
            case "json_schema":
                interface.jsonMode = "strict"
                if let schema = try format.fields("json_schema")?.raw("schema") {
                    interface.outputSchema = try SchemaValue.schema(schema, field: "response_format.json_schema.schema").compactText
                }
            case "json_object": interface.jsonMode = "on"
            case "text": interface.jsonMode = "off"
            case let other:
                throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: unknown `response_format.type` `\(other ?? "null")`")
            }
        }
        if let params = try body.fields("tensorzero::params")?.fields("chat_completion"), let mode = try params.string("json_mode") {
            try RequestInterface.validateJSONMode(mode)
            interface.jsonMode = mode
        }
        return interface
    }

    /// An assistant message's `tool_calls` as tool-call blocks.
    static func toolCalls(_ message: [String: Any], path: String) throws -> [ContentBlock] {
        guard let calls = message["tool_calls"] as? [Any] else { return [] }
        return try calls.enumerated().map { index, raw in
            guard let call = raw as? [String: Any], let id = call["id"] as? String, let function = call["function"] as? [String: Any],
                  let name = function["name"] as? String, let arguments = function["arguments"] as? String else {
                throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: `\(path).tool_calls[\(index)]` must have an `id` and a `function` with `name` and `arguments`")
            }
            return .toolCall(id: id, name: name, arguments: arguments)
        }
    }

    /// A `tool` message as a tool-result block.
    static func toolResult(_ message: [String: Any], path: String) throws -> ContentBlock {
        guard let id = message["tool_call_id"] as? String else {
            throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: `\(path)` (a `tool` message) needs `tool_call_id`")
        }
        let result = try ChatInput.textBlocks(message["content"], path: "\(path).content").joined()
        return .toolResult(id: id, name: "", result: result)
    }
}
