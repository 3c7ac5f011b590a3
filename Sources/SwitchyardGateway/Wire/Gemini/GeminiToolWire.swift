import Foundation
import SwitchyardEngine

/// Tools, tool calls and JSON mode in Gemini's `generateContent` format, as TensorZero's Google AI Studio
/// provider sends them: `functionDeclarations` (parameters without `additionalProperties` / `$schema`),
/// `toolConfig.functionCallingConfig`, `functionCall` / `functionResponse` parts, and
/// `responseMimeType` + `responseSchema` for JSON modes `on` and `strict`.
enum GeminiToolWire {
    /// One message part.
    static func part(_ block: ContentBlock) throws -> [String: Any] {
        switch block {
        case .text(let text):
            return ["text": text]
        case .toolCall(_, let name, let arguments):
            guard let args = try? JSONSerialization.jsonObject(with: Data(arguments.utf8)), args is [String: Any] else {
                throw WireError(description: "Tool call arguments must be a JSON object")
            }
            return ["functionCall": ["name": name, "args": args] as [String: Any]]
        case .toolResult(_, let name, let result):
            let response: [String: Any] = ["name": name, "response": ["name": name, "content": result]]
            return ["functionResponse": response]
        case .template, .rawText:
            throw WireError(description: "Unrendered content block: the engine renders templates and raw text before any attempt")
        }
    }

    /// Adds `tools` and `toolConfig`, and the JSON settings to `generationConfig`.
    static func apply(_ attempt: ProviderAttempt, body: inout [String: Any], generationConfig: inout [String: Any]) {
        if let output = attempt.payload.jsonOutput, attempt.jsonMode == "on" || attempt.jsonMode == "strict" {
            generationConfig["responseMimeType"] = "application/json"
            generationConfig["responseSchema"] = withoutUnsupportedKeys(JSONText.object(output.schema))
        }
        guard let tools = attempt.toolSettings, !tools.offeredTools.isEmpty else { return }
        body["tools"] = [["functionDeclarations": tools.offeredTools.map { tool in
            ["name": tool.name, "description": tool.description, "parameters": withoutUnsupportedKeys(JSONText.object(tool.parameters))] as [String: Any]
        }]]
        var config: [String: Any]
        switch tools.choice {
        case .none: config = ["mode": "none"]
        case .auto: config = ["mode": "auto"]
        case .required: config = ["mode": "any"]
        case .specific(let name): config = ["mode": "any", "allowedFunctionNames": [name]] as [String: Any]
        }
        body["toolConfig"] = ["functionCallingConfig": config]
    }

    /// A schema's top level without `additionalProperties` and `$schema`, which Gemini rejects.
    private static func withoutUnsupportedKeys(_ schema: Any) -> Any {
        guard var object = schema as? [String: Any] else { return schema }
        object["additionalProperties"] = nil
        object["$schema"] = nil
        return object
    }

    /// A candidate's `functionCall` parts, their `args` in the upstream's member order (`rawArgs`: the
    /// candidate's `args` members, in order); Gemini gives no ids, so each call gets a fresh one.
    static func toolCalls(of candidate: [String: Any], rawArgs: [String], newID: () -> String) -> [ProviderToolCall] {
        let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
        let calls = parts.compactMap { $0["functionCall"] as? [String: Any] }
        return calls.enumerated().map { index, call in
            let arguments = rawArgs.count == calls.count ? rawArgs[index] : JSONText.compact(call["args"])
            return ProviderToolCall(id: newID(), name: call["name"] as? String ?? "", arguments: arguments)
        }
    }
}
