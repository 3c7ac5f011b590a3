import Foundation
import SwitchyardEngine
import SwitchyardPlan

/// Tools, tool calls and JSON mode in OpenAI's Chat Completions format, as TensorZero sends them.
enum OpenAIToolWire {
    /// The system instruction TensorZero puts first in `json_mode = "on"` (OpenAI requires the word JSON).
    static let respondUsingJSON = "Respond using JSON."

    /// The wire messages for `payload`'s conversation: assistant tool calls go in `tool_calls`, tool results
    /// become `tool` messages (before the rest of the user's message).
    static func messages(_ payload: InferencePayload) -> [[String: Any]] {
        var messages: [[String: Any]] = []
        for message in payload.messages {
            guard message.hasToolBlocks else {
                let content: Any = message.text.count == 1 ? message.text[0] : message.text.map { ["type": "text", "text": $0] }
                messages.append(["role": message.role.rawValue, "content": content])
                continue
            }
            var calls: [[String: Any]] = []
            for block in message.blocks {
                switch block {
                case .toolCall(let id, let name, let arguments):
                    calls.append(["id": id, "type": "function", "function": ["name": name, "arguments": arguments]] as [String: Any])
                case .toolResult(let id, _, let result):
                    messages.append(["role": "tool", "tool_call_id": id, "content": result])
                case .text, .rawText, .template:
                    break
                }
            }
            var wire: [String: Any] = ["role": message.role.rawValue]
            if !message.text.isEmpty {
                wire["content"] = message.text.count == 1 ? message.text[0] : message.text.map { ["type": "text", "text": $0] }
            }
            if !calls.isEmpty { wire["tool_calls"] = calls }
            if wire.count > 1 { messages.append(wire) }
        }
        return messages
    }

    /// The system text sent, with TensorZero's JSON instruction first in `on` mode when neither the system text
    /// nor any message mentions JSON.
    static func system(_ payload: InferencePayload, jsonMode: String?) -> String? {
        let texts = [payload.system ?? ""] + payload.messages.flatMap(\.text)
        guard jsonMode == "on", !texts.contains(where: { $0.lowercased().contains("json") }) else { return payload.system }
        return payload.system.map { "\(respondUsingJSON)\n\n\($0)" } ?? respondUsingJSON
    }

    /// Adds `response_format` (JSON modes `on` and `strict`) and `tools`, `tool_choice`, `parallel_tool_calls`.
    static func apply(_ attempt: ProviderAttempt, to body: inout [String: Any]) {
        if let output = attempt.payload.jsonOutput {
            switch attempt.jsonMode {
            case "on":
                body["response_format"] = ["type": "json_object"]
            case "strict":
                let format: [String: Any] = ["name": "response", "strict": true, "schema": JSONText.object(output.schema)]
                body["response_format"] = ["type": "json_schema", "json_schema": format] as [String: Any]
            default:
                break
            }
        }
        guard let tools = attempt.toolSettings else { return }
        body["tools"] = tools.allTools.map { tool(name: $0.name, description: $0.description, parameters: JSONText.object($0.parameters), strict: $0.strict) }
        if let allowed = tools.allowedTools {
            let allowedTools: [String: Any] = [
                "mode": tools.choice == .required ? "required" : "auto",
                "tools": allowed.map { ["type": "function", "function": ["name": $0]] as [String: Any] },
            ]
            body["tool_choice"] = ["type": "allowed_tools", "allowed_tools": allowedTools] as [String: Any]
        } else {
            body["tool_choice"] = choice(tools.choice)
        }
        if let parallel = tools.parallelToolCalls { body["parallel_tool_calls"] = parallel }
    }

    static func tool(name: String, description: String, parameters: Any, strict: Bool) -> [String: Any] {
        let function: [String: Any] = ["name": name, "description": description, "parameters": parameters]
        return ["type": "function", "function": function, "strict": strict]
    }

    static func choice(_ choice: ToolSettings.Choice) -> Any {
        switch choice {
        case .none: "none"
        case .auto: "auto"
        case .required: "required"
        case .specific(let name): ["type": "function", "function": ["name": name]] as [String: Any]
        }
    }

    /// The tool calls of a response message.
    static func toolCalls(_ message: [String: Any]?) -> [ProviderToolCall] {
        (message?["tool_calls"] as? [[String: Any]] ?? []).map { call in
            let function = call["function"] as? [String: Any]
            return ProviderToolCall(
                id: call["id"] as? String ?? "", name: function?["name"] as? String ?? "", arguments: function?["arguments"] as? String ?? ""
            )
        }
    }
}
