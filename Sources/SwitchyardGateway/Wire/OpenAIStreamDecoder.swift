import SwitchyardEngine

/// Reads the OpenAI Chat Completions stream (`chat.completion.chunk` events, then `data: [DONE]`), shared by
/// the OpenAI-compatible family. Text deltas are block `"0"`; usage arrives in the last chunk because the
/// request asks for `stream_options.include_usage`.
struct OpenAIStreamDecoder: StreamDecoder {
    /// Tool call ids by the stream's `index` (OpenAI names the id only in a call's first delta).
    private var toolCallIDs: [Int: String] = [:]

    mutating func decode(_ event: ServerSentEvent) -> StreamDecoding {
        if event.data == "[DONE]" { return .done }
        let object: [String: Any]
        switch StreamEventJSON.object(event.data) {
        case .success(let parsed): object = parsed
        case .failure(let error): return .malformed("Error parsing chunk. Error: \(error.description)")
        }
        if let error = object["error"] {
            return .upstreamError(status: 500, body: StreamEventJSON.text(error))
        }
        var chunk = StreamChunk()
        if let choice = (object["choices"] as? [[String: Any]])?.first {
            let delta = choice["delta"] as? [String: Any]
            if let text = delta?["content"] as? String { chunk.text = [.init(id: "0", text: text)] }
            chunk.toolCalls = toolCallDeltas(delta?["tool_calls"] as? [[String: Any]] ?? [])
            chunk.finishReason = (choice["finish_reason"] as? String).map(OpenAICompatibleAdapter.finishReason)
        }
        if let usage = object["usage"] as? [String: Any] {
            chunk.inputTokens = JSONValue.int(usage["prompt_tokens"])
            chunk.outputTokens = JSONValue.int(usage["completion_tokens"])
        }
        return .chunk(chunk)
    }

    private mutating func toolCallDeltas(_ calls: [[String: Any]]) -> [StreamChunk.ToolCallDelta] {
        calls.map { call in
            let index = JSONValue.int(call["index"]) ?? 0
            if let id = call["id"] as? String { toolCallIDs[index] = id }
            let function = call["function"] as? [String: Any]
            return StreamChunk.ToolCallDelta(
                id: toolCallIDs[index] ?? String(index), name: function?["name"] as? String, arguments: function?["arguments"] as? String ?? ""
            )
        }
    }
}

extension OpenAICompatibleAdapter: StreamingWireAdapter {
    func streamDecoder() -> any StreamDecoder { OpenAIStreamDecoder() }
}
