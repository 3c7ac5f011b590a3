import Foundation
import SwitchyardConfig
import SwitchyardEngine

/// `POST /inference` bodies (reference §5.2, §5.3).
enum InferenceResponseBody {
    /// A served chat (`content`) or JSON (`output: {raw, parsed}`) inference.
    /// Tool calls are checked against `payload.tools`, JSON output against `payload.jsonOutput`'s schema.
    static func success(
        _ result: InferenceResult, response: ProviderResponse, inferenceID: EpisodeID, kind: FunctionConfig.Kind,
        payload: InferencePayload = InferencePayload(), jsonMode: String? = nil
    ) -> [String: Any] {
        var body: [String: Any] = [
            "inference_id": inferenceID.description,
            "episode_id": result.episodeID.description,
            "variant_name": result.variant ?? "",
            "usage": usage(response),
        ]
        switch kind {
        case .chat:
            let text: [[String: Any]] = response.text.isEmpty && !response.toolCalls.isEmpty ? [] : [["type": "text", "text": response.text]]
            body["content"] = text + response.toolCalls.map { ToolCallContent.block($0, tools: payload.tools) }
        case .json:
            body["output"] = JSONOutputContent.output(response, settings: payload.jsonOutput, mode: jsonMode)
        }
        if let reason = response.finishReason { body["finish_reason"] = reason.rawValue }
        return body
    }

    /// `{"error": message}`.
    static func error(_ message: String) -> [String: Any] { ["error": message] }

    static func usage(_ response: ProviderResponse) -> [String: Any] {
        ["input_tokens": response.inputTokens.map { $0 as Any } ?? NSNull(), "output_tokens": response.outputTokens.map { $0 as Any } ?? NSNull()]
    }
}
