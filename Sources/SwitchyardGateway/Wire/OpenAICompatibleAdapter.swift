import SwitchyardConfig
import SwitchyardEngine

/// The OpenAI Chat Completions wire format, shared by openai, azure, deepseek, fireworks, groq, hyperbolic,
/// mistral, openrouter, sglang, tgi, together, vllm and xai.
struct OpenAICompatibleAdapter: WireAdapter {
    /// The Azure OpenAI API version sent with every Azure request.
    static let azureAPIVersion = "2024-10-21"

    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest {
        let provider = attempt.provider
        let url: String
        var body: [String: Any] = [:]
        if provider.type == .azure {
            guard let deployment = provider.wireModel else { throw WireError(description: "Azure provider has no deployment_id") }
            url = "\(endpoint.trimmingSuffix("/"))/openai/deployments/\(deployment)/chat/completions?api-version=\(Self.azureAPIVersion)"
        } else {
            url = endpoint.withTrailingSlash + "chat/completions"
            if let model = provider.wireModel { body["model"] = model }
        }
        let payload = attempt.payload
        let jsonMode = attempt.jsonMode
        var messages: [[String: Any]] = []
        if let system = OpenAIToolWire.system(payload, jsonMode: jsonMode) { messages.append(["role": "system", "content": system]) }
        body["messages"] = messages + OpenAIToolWire.messages(payload)
        OpenAIToolWire.apply(attempt, to: &body)
        body["stream"] = attempt.stream
        if attempt.stream { body["stream_options"] = ["include_usage": true] }
        if let temperature = payload.temperature { body["temperature"] = temperature.roundedThroughFloat }
        if let maxTokens = payload.maxTokens { body[provider.maxTokensField] = maxTokens }
        if let topP = payload.topP { body["top_p"] = topP.roundedThroughFloat }
        if let presencePenalty = payload.presencePenalty { body["presence_penalty"] = presencePenalty.roundedThroughFloat }
        if let frequencyPenalty = payload.frequencyPenalty { body["frequency_penalty"] = frequencyPenalty.roundedThroughFloat }
        if let seed = payload.seed { body["seed"] = seed }
        if let stop = payload.stopSequences { body["stop"] = stop }
        OpenAIReasoningFields.apply(payload, for: provider, to: &body)
        return WireRequest(url: url, headers: [("content-type", "application/json")], body: try JSONValue.encode(body))
    }

    func parse(_ bytes: [UInt8], providerType: String) -> AttemptOutcome {
        guard let object = JSONValue.object(bytes) else { return .unparseableResponse("response body is not a JSON object") }
        guard let choices = object["choices"] as? [[String: Any]], let choice = choices.first else {
            return .unparseableResponse("Response has no choices (this should never happen)")
        }
        let message = choice["message"] as? [String: Any]
        let text = message?["content"] as? String ?? ""
        let usage = object["usage"] as? [String: Any]
        return .success(ProviderResponse(
            text: text, toolCalls: OpenAIToolWire.toolCalls(message), inputTokens: JSONValue.int(usage?["prompt_tokens"]), outputTokens: JSONValue.int(usage?["completion_tokens"]),
            finishReason: (choice["finish_reason"] as? String).map(Self.finishReason)
        ))
    }

    /// OpenAI's `finish_reason` in TensorZero's terms.
    static func finishReason(_ reason: String) -> ProviderResponse.FinishReason {
        switch reason {
        case "stop": .stop
        case "length": .length
        case "tool_calls", "function_call": .toolCall
        case "content_filter": .contentFilter
        default: .unknown
        }
    }
}

extension String {
    /// The string with every trailing `suffix` removed (`https://x/` → `https://x`).
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }

    /// The string with a trailing `/` (added when missing).
    var withTrailingSlash: String { hasSuffix("/") ? self : self + "/" }
}
