import Foundation
import SwitchyardConfig
import SwitchyardEngine

/// `POST /inference` bodies (reference §5.2, §5.3).
enum InferenceResponseBody {
    /// A served chat (`content`) or JSON (`output: {raw, parsed}`) inference.
    static func success(_ result: InferenceResult, response: ProviderResponse, inferenceID: EpisodeID, kind: FunctionConfig.Kind) -> [String: Any] {
        var body: [String: Any] = [
            "inference_id": inferenceID.description,
            "episode_id": result.episodeID.description,
            "variant_name": result.variant ?? "",
            "usage": usage(response),
        ]
        switch kind {
        case .chat:
            body["content"] = [["type": "text", "text": response.text]]
        case .json:
            let parsed = try? JSONSerialization.jsonObject(with: Data(response.text.utf8), options: [])
            body["output"] = ["raw": response.text, "parsed": parsed ?? NSNull()]
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
