import Foundation
import SwitchyardEngine

/// `POST /openai/v1/chat/completions` bodies, shaped as OpenAI's (reference §5.4).
enum OpenAIResponseBody {
    /// A `chat.completion` object; `model` names the function and variant, or the model.
    static func success(
        _ result: InferenceResult, response: ProviderResponse, inferenceID: EpisodeID, target: InferenceRequest.Target, created: Int
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
                "message": ["role": "assistant", "content": response.text, "tool_calls": [Any]()] as [String: Any],
            ] as [String: Any]],
            "usage": ["prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion],
        ]
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
