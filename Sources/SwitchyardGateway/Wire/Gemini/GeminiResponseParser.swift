import SwitchyardEngine

/// Reads a Gemini `GenerateContentResponse`: the first candidate's text parts, `usageMetadata` and
/// `finishReason`, in TensorZero's terms. (Each streamed event has the same shape; `GeminiStreamDecoder` reads
/// those.)
enum GeminiResponseParser {
    static func parse(_ bytes: [UInt8]) -> AttemptOutcome {
        guard let object = JSONValue.object(bytes) else { return .unparseableResponse("Error parsing JSON response: the body is not a JSON object") }
        guard let candidate = (object["candidates"] as? [[String: Any]])?.first else {
            return .unparseableResponse("Google AI Studio Gemini response has no candidates")
        }
        guard let usage = object["usageMetadata"] as? [String: Any] else {
            return .unparseableResponse("Google AI Studio Gemini non-streaming response has no usage metadata")
        }
        return .success(ProviderResponse(
            text: text(of: candidate), toolCalls: GeminiToolWire.toolCalls(of: candidate, rawArgs: RawJSONMembers.values(named: "args", in: bytes)) {
                EpisodeIDs.fresh().description
            },
            inputTokens: JSONValue.int(usage["promptTokenCount"]),
            outputTokens: JSONValue.int(usage["candidatesTokenCount"]),
            finishReason: (candidate["finishReason"] as? String).map(finishReason)
        ))
    }

    /// The candidate's text parts joined; thought parts (`thought: true`) are not part of the answer.
    static func text(of candidate: [String: Any]) -> String {
        let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
        return parts.filter { ($0["thought"] as? Bool) != true }.compactMap { $0["text"] as? String }.joined()
    }

    /// Gemini's `finishReason` as TensorZero maps it (it maps `RECITATION` to `tool_call`, so this does too).
    static func finishReason(_ reason: String) -> ProviderResponse.FinishReason {
        switch reason {
        case "STOP": .stop
        case "MAX_TOKENS": .length
        case "SAFETY", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII": .contentFilter
        case "RECITATION", "MALFORMED_FUNCTION_CALL": .toolCall
        default: .unknown
        }
    }
}
