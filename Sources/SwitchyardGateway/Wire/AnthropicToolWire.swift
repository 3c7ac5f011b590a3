import Foundation
import SwitchyardEngine

/// Tools, tool calls and JSON mode in Anthropic's Messages format, as TensorZero sends them.
enum AnthropicToolWire {
    /// The assistant turn TensorZero appends in `json_mode = "on"`; the model continues after its `{`.
    static let jsonPrefill = "Here is the JSON requested:\n{"

    /// The wire messages: tool calls become `tool_use` blocks, tool results `tool_result` blocks.
    static func messages(_ payload: InferencePayload, jsonMode: String?) throws -> [[String: Any]] {
        var messages = try payload.messages.map { message in
            ["role": message.role.rawValue, "content": try message.blocks.map(block)] as [String: Any]
        }
        if jsonMode == "on" {
            messages.append(["role": "assistant", "content": [["type": "text", "text": jsonPrefill]]] as [String: Any])
        }
        return messages
    }

    private static func block(_ block: ContentBlock) throws -> [String: Any] {
        switch block {
        case .text(let text):
            return ["type": "text", "text": text]
        case .toolCall(let id, let name, let arguments):
            return ["type": "tool_use", "id": id, "name": name, "input": JSONText.object(arguments)] as [String: Any]
        case .toolResult(let id, _, let result):
            return ["type": "tool_result", "tool_use_id": id, "content": [["type": "text", "text": result]]] as [String: Any]
        case .template, .rawText:
            throw WireError(description: "Unrendered content block: the engine renders templates and raw text before any attempt")
        }
    }

    /// Adds `output_config` (JSON mode `strict`) and `tools` / `tool_choice` (chat tools, or the forced `respond` tool).
    static func apply(_ attempt: ProviderAttempt, to body: inout [String: Any]) {
        if let output = attempt.payload.jsonOutput, attempt.jsonMode == "strict" {
            let format: [String: Any] = ["type": "json_schema", "schema": JSONText.object(output.schema)]
            body["output_config"] = ["format": format]
        }
        // TensorZero offers Anthropic no tools at all under `tool_choice = "none"`.
        guard let tools = attempt.toolSettings, !tools.offeredTools.isEmpty else { return }
        var choice: [String: Any]
        switch tools.choice {
        case .none: return
        case .auto: choice = ["type": "auto"]
        case .required: choice = ["type": "any"]
        case .specific(let name): choice = ["type": "tool", "name": name]
        }
        choice["disable_parallel_tool_use"] = tools.parallelToolCalls == false
        body["tools"] = tools.offeredTools.map { tool(name: $0.name, description: $0.description, schema: JSONText.object($0.parameters), strict: $0.strict) }
        body["tool_choice"] = choice
    }

    private static func tool(name: String, description: String, schema: Any, strict: Bool) -> [String: Any] {
        ["name": name, "description": description, "input_schema": schema, "strict": strict] as [String: Any]
    }

    /// The `tool_use` blocks of a response, their `input` as compact JSON text in the upstream's member order
    /// (`rawInputs`: the response's `input` members, in order).
    static func toolCalls(_ blocks: [[String: Any]], rawInputs: [String]) -> [ProviderToolCall] {
        let uses = blocks.filter { $0["type"] as? String == "tool_use" }
        return uses.enumerated().map { index, block in
            let input = rawInputs.count == uses.count ? rawInputs[index] : JSONText.compact(block["input"])
            return ProviderToolCall(id: block["id"] as? String ?? "", name: block["name"] as? String ?? "", arguments: input)
        }
    }
}
