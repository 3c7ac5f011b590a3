/// Anthropic's Messages API answers.
struct AnthropicMockFormat: MockWireFormat {
    func success(model: String?) -> [String: Any] {
        let response = MockUpstreams.response
        return [
            "id": "msg_switchyard_mock", "type": "message", "role": "assistant", "model": model ?? "mock",
            "content": [["type": "text", "text": response.text]], "stop_reason": "end_turn",
            "usage": ["input_tokens": response.inputTokens ?? 0, "output_tokens": response.outputTokens ?? 0],
        ]
    }

    func error(status: Int, message: String, revoked: Bool) -> [String: Any] {
        let type = revoked ? "authentication_error" : status >= 500 ? "api_error" : "invalid_request_error"
        return ["type": "error", "error": ["type": type, "message": message]]
    }
}
