import SwitchyardEngine
import NIOCore

/// Anthropic's Messages API answers.
struct AnthropicMockFormat: MockWireFormat {
    func success(model: String?, response: ProviderResponse) -> [String: Any] {
        return [
            "id": "msg_switchyard_mock", "type": "message", "role": "assistant", "model": model ?? "mock",
            "content": [["type": "text", "text": response.text]], "stop_reason": "end_turn",
            "usage": ["input_tokens": response.inputTokens ?? 0, "output_tokens": response.outputTokens ?? 0],
        ]
    }

    /// The Messages stream: `message_start`, one text block (start, delta, stop), `message_delta` with the stop
    /// reason and output tokens, `message_stop`.
    func streamedSuccess(model: String?, response: ProviderResponse) -> [MockStreamEvent] {
        let events: [(String, [String: Any])] = [
            ("message_start", ["message": [
                "id": "msg_switchyard_mock", "type": "message", "role": "assistant", "model": model ?? "mock", "content": [Any](),
                "usage": ["input_tokens": response.inputTokens ?? 0, "output_tokens": 1],
            ] as [String: Any]]),
            ("content_block_start", ["index": 0, "content_block": ["type": "text", "text": ""]]),
            ("content_block_delta", ["index": 0, "delta": ["type": "text_delta", "text": response.text]]),
            ("content_block_stop", ["index": 0]),
            ("message_delta", ["delta": ["stop_reason": "end_turn"], "usage": ["output_tokens": response.outputTokens ?? 0]]),
            ("message_stop", [:]),
        ]
        return events.map { name, fields in
            MockStreamEvent(name: name, data: line(fields.merging(["type": name]) { field, _ in field }))
        }
    }

    func error(status: Int, message: String, revoked: Bool) -> [String: Any] {
        let type = revoked ? "authentication_error" : status >= 500 ? "api_error" : "invalid_request_error"
        return ["type": "error", "error": ["type": type, "message": message]]
    }

    func asksToStream(path: Substring, body: ByteBuffer) -> Bool { streamFieldIsTrue(in: body) }
}
