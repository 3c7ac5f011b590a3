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
    /// A JSON function's mode: in `tool` mode its `raw` is the forced tool call's arguments.
    let jsonMode: String?

    /// The chunks of `result`'s stream.
    init(_ result: InferenceResult, inferenceID: EpisodeID, kind: FunctionConfig.Kind, jsonMode: String? = nil) {
        self.init(inferenceID: inferenceID, episodeID: result.episodeID, variant: result.variant ?? "", kind: kind, jsonMode: jsonMode)
    }

    init(inferenceID: EpisodeID, episodeID: EpisodeID, variant: String, kind: FunctionConfig.Kind, jsonMode: String? = nil) {
        self.inferenceID = inferenceID
        self.episodeID = episodeID
        self.variant = variant
        self.kind = kind
        self.jsonMode = jsonMode
    }

    mutating func content(_ chunk: StreamChunk) -> [String: Any]? {
        switch kind {
        case .chat:
            guard !chunk.text.isEmpty || !chunk.toolCalls.isEmpty else { return nil }
            let text = chunk.text.map { ["type": "text", "id": $0.id, "text": $0.text] as [String: Any] }
            let calls = chunk.toolCalls.map { call in
                ["type": "tool_call", "id": call.id, "raw_name": call.name ?? "", "raw_arguments": call.arguments] as [String: Any]
            }
            return header(["content": text + calls])
        case .json:
            let raw = jsonMode == "tool" ? chunk.toolCalls.map(\.arguments).joined() : chunk.text.map(\.text).joined()
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
