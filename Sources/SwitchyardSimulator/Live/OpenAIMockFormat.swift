/// OpenAI's Chat Completions answers, shared by every OpenAI-compatible provider type (azure included).
struct OpenAIMockFormat: MockWireFormat {
    func success(model: String?) -> [String: Any] {
        let response = MockUpstreams.response
        let prompt = response.inputTokens ?? 0
        let completion = response.outputTokens ?? 0
        return [
            "id": "chatcmpl-switchyard-mock", "object": "chat.completion", "created": 0, "model": model ?? "mock",
            "choices": [[
                "index": 0, "finish_reason": "stop",
                "message": ["role": "assistant", "content": response.text] as [String: Any],
            ] as [String: Any]],
            "usage": ["prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion],
        ]
    }

    func error(status: Int, message: String, revoked: Bool) -> [String: Any] {
        var error: [String: Any] = ["message": message, "type": status >= 500 ? "server_error" : "invalid_request_error"]
        if revoked { error["code"] = "invalid_api_key" }
        return ["error": error]
    }
}
