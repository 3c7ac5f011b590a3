import SwitchyardEngine

/// Anthropic's thinking settings (also on Vertex AI), as TensorZero 2026.6.0 sends them: `reasoning_effort` asks for
/// adaptive thinking at that `output_config.effort`, `thinking_budget_tokens` for manual thinking with that
/// budget, and the two together are refused before any call.
enum AnthropicThinking {
    static let bothSetMessage = "Cannot specify both `reasoning_effort` and `thinking_budget_tokens` for Anthropic. "
        + "Use `reasoning_effort` for adaptive thinking or `thinking_budget_tokens` for manual thinking."

    static func apply(_ payload: InferencePayload, to body: inout [String: Any]) throws {
        switch (payload.reasoningEffort, payload.thinkingBudgetTokens) {
        case (nil, nil):
            return
        case (let effort?, nil):
            var output = body["output_config"] as? [String: Any] ?? [:]
            output["effort"] = effort
            body["output_config"] = output
            body["thinking"] = ["type": "adaptive"]
        case (nil, let budget?):
            body["thinking"] = ["type": "enabled", "budget_tokens": Int(budget)] as [String: Any]
        case (.some, .some):
            throw WireError(description: bothSetMessage)
        }
    }
}
