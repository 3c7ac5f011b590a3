import Testing
@testable import SwitchyardGateway

/// Each provider family's stream events in TensorZero's terms.
@Suite struct StreamDecoderTests {
    private func data(_ text: String, event: String? = nil) -> ServerSentEvent { ServerSentEvent(event: event, data: text) }

    @Test func openAIChunks() {
        var decoder = OpenAIStreamDecoder()
        #expect(decoder.decode(data(#"{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#))
            == .chunk(StreamChunk(text: [.init(id: "0", text: "")])))
        #expect(decoder.decode(data(#"{"choices":[{"index":0,"delta":{"role":"assistant"}}]}"#)) == .chunk(StreamChunk()))
        #expect(decoder.decode(data(#"{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}"#))
            == .chunk(StreamChunk(text: [.init(id: "0", text: "Hi")])))
        #expect(decoder.decode(data(#"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#))
            == .chunk(StreamChunk(finishReason: .toolCall)))
        #expect(decoder.decode(data(#"{"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":5,"total_tokens":16}}"#))
            == .chunk(StreamChunk(inputTokens: 11, outputTokens: 5)))
        #expect(decoder.decode(data("[DONE]")) == .done)
    }

    @Test func openAIErrorsAndUnreadableEvents() {
        var decoder = OpenAIStreamDecoder()
        #expect(decoder.decode(data(#"{"error":{"type":"server_error","message":"boom"}}"#))
            == .upstreamError(status: 500, body: #"{"message":"boom","type":"server_error"}"#))
        #expect(decoder.decode(data("{oops")) == .malformed("Error parsing chunk. Error: invalid JSON: {oops"))
        #expect(decoder.decode(data("[1, 2]")) == .malformed("Error parsing chunk. Error: expected a JSON object: [1, 2]"))
    }

    @Test func anthropicEvents() {
        var decoder = AnthropicStreamDecoder()
        #expect(decoder.decode(data(#"{"type":"message_start","message":{"usage":{"input_tokens":7,"output_tokens":1}}}"#))
            == .chunk(StreamChunk(inputTokens: 7, outputTokens: 1)))
        #expect(decoder.decode(data(#"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#))
            == .chunk(StreamChunk(text: [.init(id: "1", text: "")])))
        #expect(decoder.decode(data(#"{"type":"ping"}"#, event: "ping")) == .skip)
        #expect(decoder.decode(data(#"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hi"}}"#))
            == .chunk(StreamChunk(text: [.init(id: "1", text: "Hi")])))
        #expect(decoder.decode(data(#"{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{"}}"#))
            == .chunk(StreamChunk()))
        #expect(decoder.decode(data(#"{"type":"content_block_stop","index":1}"#)) == .skip)
        #expect(decoder.decode(data(#"{"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":3}}"#))
            == .chunk(StreamChunk(outputTokens: 3, finishReason: .length)))
        #expect(decoder.decode(data(#"{"type":"message_stop"}"#)) == .done)
    }

    @Test func anthropicErrorEventsCarryTheirDocumentedStatus() {
        var decoder = AnthropicStreamDecoder()
        #expect(decoder.decode(data(#"{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}"#, event: "error"))
            == .upstreamError(status: 429, body: #"{"message":"slow down","type":"rate_limit_error"}"#))
        #expect(decoder.decode(data(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)).isUpstreamError(status: 529))
        #expect(decoder.decode(data("not json")) == .malformed("Error parsing chunk. Error: invalid JSON: not json"))
    }
}

extension StreamDecoding {
    func isUpstreamError(status expected: Int) -> Bool {
        if case .upstreamError(let status, _) = self { return status == expected }
        return false
    }
}
