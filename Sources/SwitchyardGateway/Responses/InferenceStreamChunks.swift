import Foundation
import SwitchyardConfig
import SwitchyardEngine

/// `POST /inference` stream chunks (reference §5.2): each carries `inference_id`, `episode_id` and
/// `variant_name`; a chat function's chunks carry `content` text deltas with their block ids, a JSON
/// function's `raw` text; the closing chunk carries `usage` and `finish_reason`.
struct InferenceStreamChunks: StreamEventFormat {
    let inferenceID: EpisodeID
    let episodeID: EpisodeID
    let variant: String
    let kind: FunctionConfig.Kind

    /// The chunks of `result`'s stream.
    init(_ result: InferenceResult, inferenceID: EpisodeID, kind: FunctionConfig.Kind) {
        self.init(inferenceID: inferenceID, episodeID: result.episodeID, variant: result.variant ?? "", kind: kind)
    }

    init(inferenceID: EpisodeID, episodeID: EpisodeID, variant: String, kind: FunctionConfig.Kind) {
        self.inferenceID = inferenceID
        self.episodeID = episodeID
        self.variant = variant
        self.kind = kind
    }

    mutating func content(_ chunk: StreamChunk) -> [String: Any]? {
        switch kind {
        case .chat:
            guard !chunk.text.isEmpty else { return nil }
            return header(["content": chunk.text.map { ["type": "text", "id": $0.id, "text": $0.text] }])
        case .json:
            let raw = chunk.text.map(\.text).joined()
            return raw.isEmpty ? nil : header(["raw": raw])
        }
    }

    func final(_ summary: StreamSummary) -> [String: Any] {
        var body = header(kind == .chat ? ["content": [Any]()] : ["raw": ""])
        body["usage"] = InferenceResponseBody.usage(summary.response)
        if let reason = summary.finishReason { body["finish_reason"] = reason.rawValue }
        return body
    }

    func error(_ message: String) -> [String: Any] { InferenceResponseBody.error(message) }

    private func header(_ fields: [String: Any]) -> [String: Any] {
        fields.merging([
            "inference_id": inferenceID.description, "episode_id": episodeID.description, "variant_name": variant,
        ]) { field, _ in field }
    }
}
