import Foundation
import SwitchyardEngine

/// Tools, tool calls and JSON mode in Bedrock's Converse format, as TensorZero sends them: `toolConfig`
/// (`toolSpec` with `inputSchema.json`, `toolChoice` `auto` / `any` / `tool`), `toolUse` / `toolResult` blocks,
/// and for Claude models in JSON modes `on` and `strict` Anthropic's prefill (the answer then starts with `{`).
enum BedrockToolWire {
    /// One message content block.
    static func block(_ block: ContentBlock) throws -> [String: Any] {
        switch block {
        case .text(let text):
            return ["text": text]
        case .toolCall(let id, let name, let arguments):
            guard let input = try? JSONSerialization.jsonObject(with: Data(arguments.utf8), options: [.fragmentsAllowed]) else {
                throw WireError(description: "Error parsing tool call arguments as JSON Value")
            }
            return ["toolUse": ["toolUseId": id, "name": name, "input": input] as [String: Any]]
        case .toolResult(let id, _, let result):
            return ["toolResult": ["toolUseId": id, "content": [["text": result]]] as [String: Any]]
        case .template, .rawText:
            throw WireError(description: "Unrendered content block: the engine renders templates and raw text before any attempt")
        }
    }

    /// Whether TensorZero prefills the answer for this attempt (Claude models, JSON modes `on` and `strict`).
    static func prefills(_ attempt: ProviderAttempt) -> Bool {
        (attempt.jsonMode == "on" || attempt.jsonMode == "strict") && (attempt.provider.wireModel ?? "").contains("claude")
    }

    /// Adds `toolConfig`. Converse has no way to offer tools while forbidding their use, so `tool_choice = "none"`
    /// is refused rather than sent as something else.
    static func apply(_ attempt: ProviderAttempt, to body: inout [String: Any]) throws {
        guard let tools = attempt.toolSettings, !tools.offeredTools.isEmpty else { return }
        let choice: [String: Any]
        switch tools.choice {
        case .none: throw WireError(description: "AWS Bedrock cannot be sent `tool_choice = \"none\"` with tools; this gateway does not serve that combination")
        case .auto: choice = ["auto": [String: Any]()]
        case .required: choice = ["any": [String: Any]()]
        case .specific(let name): choice = ["tool": ["name": name]]
        }
        body["toolConfig"] = [
            "tools": tools.offeredTools.map { tool in
                ["toolSpec": ["name": tool.name, "description": tool.description, "inputSchema": ["json": JSONText.object(tool.parameters)]] as [String: Any]]
            },
            "toolChoice": choice,
        ] as [String: Any]
    }

    /// The `toolUse` blocks of a response message, their `input` in the upstream's member order (`rawInputs`:
    /// the response's `input` members, in order).
    static func toolCalls(_ blocks: [[String: Any]], rawInputs: [String]) -> [ProviderToolCall] {
        let uses = blocks.compactMap { $0["toolUse"] as? [String: Any] }
        return uses.enumerated().map { index, use in
            let input = rawInputs.count == uses.count ? rawInputs[index] : JSONText.compact(use["input"])
            return ProviderToolCall(id: use["toolUseId"] as? String ?? "", name: use["name"] as? String ?? "", arguments: input)
        }
    }
}
