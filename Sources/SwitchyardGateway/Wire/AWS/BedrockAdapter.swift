import SwitchyardEngine

/// AWS Bedrock's Converse API as TensorZero's `aws_bedrock` provider calls it:
/// `POST {base}/model/{model id, URI-encoded}/converse` (service `bedrock`, signed with SigV4 or sent with an
/// `api_key` bearer token), with the messages, the system prompt and `inferenceConfig`.
struct BedrockAdapter: WireAdapter {
    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest {
        guard let model = attempt.provider.wireModel else { throw WireError(description: "AWS Bedrock provider has no model_id") }
        let payload = attempt.payload
        var body: [String: Any] = [:]
        var messages = try payload.messages.compactMap { message -> [String: Any]? in
            guard !message.blocks.isEmpty else { return nil }
            return ["role": message.role.rawValue, "content": try message.blocks.map(BedrockToolWire.block)]
        }
        if BedrockToolWire.prefills(attempt) {
            messages.append(["role": "assistant", "content": [["text": AnthropicToolWire.jsonPrefill]]])
        }
        body["messages"] = messages
        try BedrockToolWire.apply(attempt, to: &body)
        if let system = payload.system, !system.isEmpty { body["system"] = [["text": system]] }
        var inferenceConfig: [String: Any] = [:]
        if let maxTokens = payload.maxTokens { inferenceConfig["maxTokens"] = maxTokens }
        // TensorZero sends no `presence_penalty` or `frequency_penalty` to Bedrock.
        if let temperature = payload.temperature { inferenceConfig["temperature"] = temperature.roundedThroughFloat }
        if let topP = payload.topP { inferenceConfig["topP"] = topP.roundedThroughFloat }
        if let stop = payload.stopSequences { inferenceConfig["stopSequences"] = stop }
        body["inferenceConfig"] = inferenceConfig
        // Of the reasoning parameters, TensorZero sends Bedrock only `thinking_budget_tokens`, as Anthropic's `thinking`.
        if let budget = payload.thinkingBudgetTokens {
            body["additionalModelRequestFields"] = ["thinking": ["type": "enabled", "budget_tokens": Int(budget)] as [String: Any]]
        }
        let url = "\(endpoint.trimmingSuffix("/"))/model/\(SigV4Signer.uriEncode(model))/converse"
        return WireRequest(url: url, headers: AWSWire.jsonHeaders, body: try JSONValue.encode(body))
    }

    func parse(_ bytes: [UInt8], providerType: String) -> AttemptOutcome {
        guard let object = JSONValue.object(bytes) else { return .unparseableResponse("Error parsing response from AWS Bedrock: the body is not a JSON object") }
        guard let message = (object["output"] as? [String: Any])?["message"] as? [String: Any] else {
            return .unparseableResponse("AWS Bedrock returned an empty message.")
        }
        let blocks = message["content"] as? [[String: Any]] ?? []
        let usage = object["usage"] as? [String: Any]
        // Bedrock reports cached input tokens apart; TensorZero counts them as input.
        let input = ["inputTokens", "cacheReadInputTokens", "cacheWriteInputTokens"].compactMap { JSONValue.int(usage?[$0]) }
        return .success(ProviderResponse(
            text: blocks.compactMap { $0["text"] as? String }.joined(), toolCalls: BedrockToolWire.toolCalls(blocks, rawInputs: RawJSONMembers.values(named: "input", in: bytes)), inputTokens: input.isEmpty ? nil : input.reduce(0, +),
            outputTokens: JSONValue.int(usage?["outputTokens"]), finishReason: (object["stopReason"] as? String).map(Self.finishReason)
        ))
    }

    /// After TensorZero's JSON prefill the answer continues its `{`, so that comes first.
    func parse(_ bytes: [UInt8], for attempt: ProviderAttempt) -> AttemptOutcome {
        let outcome = parse(bytes, providerType: attempt.provider.type.rawValue)
        guard BedrockToolWire.prefills(attempt), case .success(var response) = outcome else { return outcome }
        response.text = "{" + response.text
        return .success(response)
    }

    /// Bedrock's `stopReason` in TensorZero's terms.
    static func finishReason(_ reason: String) -> ProviderResponse.FinishReason {
        switch reason {
        case "end_turn": .stop
        case "tool_use": .toolCall
        case "max_tokens": .length
        case "stop_sequence": .stopSequence
        case "content_filtered", "guardrail_intervened": .contentFilter
        default: .unknown
        }
    }
}
