import SwitchyardEngine

/// Reads Google AI Studio's `streamGenerateContent?alt=sse` stream as TensorZero 2026.6.0 does. Every event is a
/// whole `GenerateContentResponse`; the stream has no end marker (it ends when the upstream closes it).
/// - The first candidate's text parts are deltas of block `"0"`; empty texts (Gemini sends some) and thought
///   parts are left out, so an event may carry no text and still count as the stream's first chunk.
/// - `functionCall` parts are tool-call pieces with ids `"0"`, `"1"`, …: a part naming the same tool as the one
///   before continues that call (TensorZero's rule), any other name starts the next one.
/// - `usageMetadata` is a running total in every event; only the one beside a `finishReason` counts.
/// - An event that is not a response (an `{"error": …}` object included) or has no candidates is unreadable,
///   with TensorZero's message; the stream goes on.
struct GeminiStreamDecoder: StreamDecoder {
    private var lastToolName: String?
    private var toolIndex = -1

    mutating func decode(_ event: ServerSentEvent) -> StreamDecoding {
        let object: [String: Any]
        switch StreamEventJSON.object(event.data) {
        case .success(let parsed): object = parsed
        case .failure(let error): return .malformed("Error parsing streaming JSON response: \(error.description)")
        }
        guard let candidates = object["candidates"] as? [[String: Any]] else {
            return .malformed("Error parsing streaming JSON response: missing field `candidates`: \(String(event.data.prefix(200)))")
        }
        guard let candidate = candidates.first else { return .malformed("Google AI Studio Gemini response has no candidates") }
        let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
        var chunk = StreamChunk()
        chunk.text = parts.filter { ($0["thought"] as? Bool) != true }.compactMap { $0["text"] as? String }.filter { !$0.isEmpty }
            .map { StreamChunk.TextDelta(id: "0", text: $0) }
        let calls = parts.compactMap { $0["functionCall"] as? [String: Any] }
        let rawArgs = calls.isEmpty ? [] : RawJSONMembers.values(named: "args", in: Array(event.data.utf8))
        chunk.toolCalls = calls.enumerated().map { index, call in
            let name = call["name"] as? String ?? ""
            let isNew = name != lastToolName
            if isNew { toolIndex += 1 }
            lastToolName = name
            let arguments = rawArgs.count == calls.count ? rawArgs[index] : JSONText.compact(call["args"])
            return StreamChunk.ToolCallDelta(id: String(toolIndex), name: isNew ? name : nil, arguments: arguments)
        }
        chunk.finishReason = (candidate["finishReason"] as? String).map(GeminiResponseParser.finishReason)
        if chunk.finishReason != nil, let usage = object["usageMetadata"] as? [String: Any] {
            chunk.inputTokens = JSONValue.int(usage["promptTokenCount"])
            chunk.outputTokens = JSONValue.int(usage["candidatesTokenCount"])
        }
        return .chunk(chunk)
    }
}

extension GeminiAdapter: StreamingWireAdapter {
    func streamDecoder() -> any StreamDecoder { GeminiStreamDecoder() }
}
