import SwitchyardEngine
import NIOCore

/// OpenAI's Chat Completions answers, shared by every OpenAI-compatible provider type (azure included).
struct OpenAIMockFormat: MockWireFormat {
    func success(model: String?, response: ProviderResponse) -> [String: Any] {
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

    /// `chat.completion.chunk` events: the role, the text, the finish reason, the usage (the gateway asks for
    /// `stream_options.include_usage`), then `[DONE]`.
    func streamedSuccess(model: String?, response: ProviderResponse) -> [MockStreamEvent] {
        let prompt = response.inputTokens ?? 0
        let completion = response.outputTokens ?? 0
        func chunk(_ choices: [[String: Any]], usage: [String: Any]? = nil) -> MockStreamEvent {
            var object: [String: Any] = [
                "id": "chatcmpl-switchyard-mock", "object": "chat.completion.chunk", "created": 0, "model": model ?? "mock", "choices": choices,
            ]
            if let usage { object["usage"] = usage }
            return MockStreamEvent(data: line(object))
        }
        return [
            chunk([["index": 0, "delta": ["role": "assistant", "content": ""]]]),
            chunk([["index": 0, "delta": ["content": response.text]]]),
            chunk([["index": 0, "delta": [String: Any](), "finish_reason": "stop"]]),
            chunk([], usage: ["prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion]),
            MockStreamEvent(data: "[DONE]"),
        ]
    }

    func error(status: Int, message: String, revoked: Bool) -> [String: Any] {
        var error: [String: Any] = ["message": message, "type": status >= 500 ? "server_error" : "invalid_request_error"]
        if revoked { error["code"] = "invalid_api_key" }
        return ["error": error]
    }

    func asksToStream(path: Substring, body: ByteBuffer) -> Bool { streamFieldIsTrue(in: body) }
}
