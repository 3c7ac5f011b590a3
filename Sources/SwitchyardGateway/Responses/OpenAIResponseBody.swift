import Foundation
import SwitchyardEngine

/// `POST /openai/v1/chat/completions` bodies, shaped as OpenAI's (reference §5.4).
enum OpenAIResponseBody {
    /// A `chat.completion` object; `model` names the function and variant, or the model.
    /// A JSON function's `content` is its raw output (the forced tool call's arguments in `tool` mode).
    static func success(
        _ result: InferenceResult, response: ProviderResponse, inferenceID: EpisodeID, target: InferenceRequest.Target, created: Int,
        jsonMode: String? = nil
    ) -> [String: Any] {
        let model = model(target, variant: result.variant ?? "")
        let prompt = response.inputTokens ?? 0
        let completion = response.outputTokens ?? 0
        return [
            "id": inferenceID.description,
            "episode_id": result.episodeID.description,
            "object": "chat.completion",
            "created": created,
            "model": model,
            "system_fingerprint": "",
            "choices": [[
                "index": 0,
                "finish_reason": finishReason(response.finishReason),
                "logprobs": NSNull(),
                "message": message(response, jsonMode: jsonMode),
            ] as [String: Any]],
            "usage": ["prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion],
        ]
    }

    /// The assistant message: its text (`null` when the model only called tools) and its tool calls.
    static func message(_ response: ProviderResponse, jsonMode: String?) -> [String: Any] {
        if jsonMode == "tool" {
            return ["role": "assistant", "content": response.toolCalls.first?.arguments ?? response.text, "tool_calls": [Any]()]
        }
        let calls = response.toolCalls.map { call in
            ["id": call.id, "type": "function", "function": ["name": call.name, "arguments": call.arguments]] as [String: Any]
        }
        let content: Any = response.text.isEmpty && !calls.isEmpty ? NSNull() : response.text
        return ["role": "assistant", "content": content, "tool_calls": calls]
    }

    /// The response `model`: the function and the variant that served, or the model.
    static func model(_ target: InferenceRequest.Target, variant: String) -> String {
        switch target {
        case .function(let name): "\(OpenAIRequestParser.functionPrefix)\(name)::variant_name::\(variant)"
        case .model: "\(OpenAIRequestParser.modelPrefix)\(variant)"
        }
    }

    /// `{"error": {"message": message}}`.
    static func error(_ message: String) -> [String: Any] { ["error": ["message": message]] }

    /// TensorZero's finish reason in OpenAI's vocabulary.
    static func finishReason(_ reason: ProviderResponse.FinishReason?) -> String {
        switch reason {
        case .length: "length"
        case .toolCall: "tool_calls"
        case .contentFilter: "content_filter"
        case .stop, .stopSequence, .unknown, nil: "stop"
        }
    }
}
