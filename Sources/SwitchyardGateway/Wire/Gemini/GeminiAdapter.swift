import SwitchyardEngine

/// Google AI Studio's Gemini API, as TensorZero's `google_ai_studio_gemini` provider calls it:
/// `POST {endpoint}:generateContent`, or `POST {endpoint}:streamGenerateContent?alt=sse` for a streaming attempt
/// (the same body), with the key in `x-goog-api-key` (TensorZero 2026.6.0 has no `api_base` for this type; the
/// endpoint is `https://generativelanguage.googleapis.com/v1beta/models/MODEL`).
struct GeminiAdapter: WireAdapter {
    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest {
        let payload = attempt.payload
        let contents: [[String: Any]] = try payload.messages.compactMap { message in
            guard !message.blocks.isEmpty else { return nil }
            return ["role": message.role == .assistant ? "model" : "user", "parts": try message.blocks.map(GeminiToolWire.part)]
        }
        guard !contents.isEmpty else { throw WireError(description: "Google AI Studio Gemini requires at least one message") }
        var generationConfig: [String: Any] = [:]
        if let stop = payload.stopSequences { generationConfig["stopSequences"] = stop }
        if let temperature = payload.temperature { generationConfig["temperature"] = temperature.roundedThroughFloat }
        if let topP = payload.topP { generationConfig["topP"] = topP.roundedThroughFloat }
        if let presencePenalty = payload.presencePenalty { generationConfig["presencePenalty"] = presencePenalty.roundedThroughFloat }
        if let frequencyPenalty = payload.frequencyPenalty { generationConfig["frequencyPenalty"] = frequencyPenalty.roundedThroughFloat }
        if let maxTokens = payload.maxTokens { generationConfig["maxOutputTokens"] = maxTokens }
        if let seed = payload.seed { generationConfig["seed"] = seed }
        // TensorZero sends `reasoning_effort` as Gemini's `thinkingLevel`, unchecked.
        var thinking: [String: Any] = [:]
        if let effort = payload.reasoningEffort { thinking["thinkingLevel"] = effort }
        if let budget = payload.thinkingBudgetTokens { thinking["thinkingBudget"] = Int(budget) }
        if !thinking.isEmpty { generationConfig["thinkingConfig"] = thinking }
        var body: [String: Any] = ["contents": contents]
        GeminiToolWire.apply(attempt, body: &body, generationConfig: &generationConfig)
        body["generationConfig"] = generationConfig
        if let system = payload.system {
            // TensorZero sends the system instruction under the `model` role.
            body["systemInstruction"] = ["role": "model", "parts": [["text": system]]]
        }
        let method = attempt.stream ? "streamGenerateContent?alt=sse" : "generateContent"
        return WireRequest(url: "\(endpoint):\(method)", headers: [("content-type", "application/json")], body: try JSONValue.encode(body))
    }

    func parse(_ bytes: [UInt8], providerType: String) -> AttemptOutcome {
        GeminiResponseParser.parse(bytes)
    }

    /// TensorZero reports 400, 401, 413 and 429 from Gemini as client errors with their status, and every
    /// other failure as a server error.
    func failureStatus(_ upstreamStatus: Int) -> Int {
        [400, 401, 413, 429].contains(upstreamStatus) ? upstreamStatus : 500
    }
}
