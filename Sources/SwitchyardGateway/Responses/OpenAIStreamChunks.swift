import Foundation
import SwitchyardConfig
import SwitchyardEngine

/// `POST /openai/v1/chat/completions` stream chunks: `chat.completion.chunk` objects whose first delta names
/// the `assistant` role; the closing chunk carries the finish reason, and the usage when the request asked
/// for it with `stream_options.include_usage` (otherwise `usage` is `null`, as OpenAI's is).
struct OpenAIStreamChunks: StreamEventFormat {
    let inferenceID: EpisodeID
    let episodeID: EpisodeID
    /// The response `model` (`tensorzero::function_name::F::variant_name::V`).
    let model: String
    let created: Int
    let kind: FunctionConfig.Kind
    let includeUsage: Bool
    /// A JSON function's mode: in `tool` mode the content is the forced tool call's arguments.
    let jsonMode: String?
    private var roleSent = false
    /// Each streamed tool call's `index`, by id, in order of first appearance.
    private var toolCallIndexes: [String: Int] = [:]

    /// The chunks of `result`'s stream for the request `parsed`, created now.
    init(_ result: InferenceResult, parsed: ParsedInference, inferenceID: EpisodeID, kind: FunctionConfig.Kind, jsonMode: String? = nil) {
        self.init(
            inferenceID: inferenceID, episodeID: result.episodeID,
            model: OpenAIResponseBody.model(parsed.request.target, variant: result.variant ?? ""),
            created: Int(Date().timeIntervalSince1970), kind: kind, includeUsage: parsed.includeStreamUsage, jsonMode: jsonMode
        )
    }

    init(
        inferenceID: EpisodeID, episodeID: EpisodeID, model: String, created: Int, kind: FunctionConfig.Kind, includeUsage: Bool,
        jsonMode: String? = nil
    ) {
        self.inferenceID = inferenceID
        self.episodeID = episodeID
        self.model = model
        self.created = created
        self.kind = kind
        self.includeUsage = includeUsage
        self.jsonMode = jsonMode
    }

    mutating func content(_ chunk: StreamChunk) -> [String: Any]? {
        guard !chunk.text.isEmpty || !chunk.toolCalls.isEmpty else { return nil }
        if kind == .json {
            let raw = jsonMode == "tool" ? chunk.toolCalls.map(\.arguments).joined() : chunk.text.map(\.text).joined()
            return raw.isEmpty ? nil : delta(["content": raw])
        }
        var fields: [String: Any] = chunk.text.isEmpty ? [:] : ["content": chunk.text.map(\.text).joined()]
        if !chunk.toolCalls.isEmpty {
            fields["tool_calls"] = chunk.toolCalls.map { call in
                let index = toolCallIndexes[call.id] ?? toolCallIndexes.count
                toolCallIndexes[call.id] = index
                var function: [String: Any] = ["arguments": call.arguments]
                if let name = call.name { function["name"] = name }
                return ["index": index, "id": call.id, "type": "function", "function": function] as [String: Any]
            }
        }
        return delta(fields)
    }

    /// A content chunk; the first one names the `assistant` role.
    private mutating func delta(_ fields: [String: Any]) -> [String: Any] {
        var delta = fields
        if !roleSent { delta["role"] = "assistant" }
        roleSent = true
        return object(delta: delta, finishReason: NSNull(), usage: NSNull())
    }

    func final(_ summary: StreamSummary) -> [String: Any] {
        let delta: [String: Any] = kind == .json ? ["content": ""] : [:]
        let reason: Any = summary.finishReason.map(OpenAIResponseBody.finishReason) ?? NSNull()
        return object(delta: delta, finishReason: reason, usage: includeUsage ? usage(summary) : NSNull())
    }

    func error(_ message: String) -> [String: Any] { OpenAIResponseBody.error(message) }

    /// OpenAI's usage, with the counts the upstream reported (TensorZero leaves unknown counts out).
    private func usage(_ summary: StreamSummary) -> [String: Any] {
        var usage: [String: Any] = ["tensorzero_cost": NSNull()]
        if let input = summary.inputTokens { usage["prompt_tokens"] = input }
        if let output = summary.outputTokens { usage["completion_tokens"] = output }
        if let input = summary.inputTokens, let output = summary.outputTokens { usage["total_tokens"] = input + output }
        return usage
    }

    private func object(delta: [String: Any], finishReason: Any, usage: Any) -> [String: Any] {
        [
            "id": inferenceID.description,
            "episode_id": episodeID.description,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "system_fingerprint": "",
            "service_tier": NSNull(),
            "choices": [["index": 0, "finish_reason": finishReason, "logprobs": NSNull(), "delta": delta] as [String: Any]],
            "usage": usage,
        ]
    }
}
