import SwitchyardEngine

/// Anthropic's Messages API (`x-api-key`, `anthropic-version: 2023-06-01`).
struct AnthropicAdapter: WireAdapter {
    /// Sent when the request sets no `max_tokens` (the Messages API requires one).
    static let defaultMaxTokens = 4096

    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest {
        let url = endpoint.hasSuffix("/messages") ? endpoint : endpoint.withTrailingSlash + "messages"
        let headers = [("content-type", "application/json"), ("anthropic-version", "2023-06-01")]
        return WireRequest(url: url, headers: headers, body: try JSONValue.encode(try Self.body(for: attempt)))
    }

    /// The Messages API body for `attempt` (shared with Anthropic on Vertex AI).
    static func body(for attempt: ProviderAttempt) throws -> [String: Any] {
        let payload = attempt.payload
        var body: [String: Any] = ["max_tokens": payload.maxTokens ?? Self.defaultMaxTokens, "stream": attempt.stream]
        if let model = attempt.provider.wireModel { body["model"] = model }
        if let system = payload.system { body["system"] = system }
        body["messages"] = try AnthropicToolWire.messages(payload, jsonMode: attempt.jsonMode)
        AnthropicToolWire.apply(attempt, to: &body)
        // TensorZero sends no `presence_penalty` or `frequency_penalty` to Anthropic.
        if let temperature = payload.temperature { body["temperature"] = temperature.roundedThroughFloat }
        if let topP = payload.topP { body["top_p"] = topP.roundedThroughFloat }
        if let stop = payload.stopSequences { body["stop_sequences"] = stop }
        try AnthropicThinking.apply(payload, to: &body)
        return body
    }

    func parse(_ bytes: [UInt8], providerType: String) -> AttemptOutcome {
        guard let object = JSONValue.object(bytes) else { return .unparseableResponse("response body is not a JSON object") }
        guard let blocks = object["content"] as? [[String: Any]] else { return .unparseableResponse("response has no `content`") }
        let text = blocks.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        let usage = object["usage"] as? [String: Any]
        return .success(ProviderResponse(
            text: text, toolCalls: AnthropicToolWire.toolCalls(blocks, rawInputs: RawJSONMembers.values(named: "input", in: bytes)), inputTokens: JSONValue.int(usage?["input_tokens"]), outputTokens: JSONValue.int(usage?["output_tokens"]),
            finishReason: (object["stop_reason"] as? String).map(Self.finishReason)
        ))
    }

    /// In `json_mode = "on"` the answer continues TensorZero's prefill, so the `{` it ends with comes first.
    func parse(_ bytes: [UInt8], for attempt: ProviderAttempt) -> AttemptOutcome {
        let outcome = parse(bytes, providerType: attempt.provider.type.rawValue)
        guard attempt.jsonMode == "on", case .success(var response) = outcome else { return outcome }
        response.text = "{" + response.text
        return .success(response)
    }

    /// Anthropic's `stop_reason` in TensorZero's terms.
    static func finishReason(_ reason: String) -> ProviderResponse.FinishReason {
        switch reason {
        case "end_turn": .stop
        case "stop_sequence": .stopSequence
        case "max_tokens": .length
        case "tool_use": .toolCall
        case "refusal": .contentFilter
        default: .unknown
        }
    }
}
