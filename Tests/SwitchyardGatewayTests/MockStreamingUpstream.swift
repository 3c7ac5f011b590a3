import Foundation
import Hummingbird
import NIOCore

/// Streaming answers of the mock upstream (Server-Sent Events, as OpenAI, Anthropic and Google AI Studio send
/// them), and the paths that exercise streams going wrong:
/// `/garbled/...` sends an unreadable event after its first delta, `/drip/...` pauses 3 s after its first
/// delta, `/slowstart/...` waits 2 s before its first event, `/errorfirst/...` starts with an error event,
/// `/anthropic-overloaded/v1/messages` sends Anthropic's `error` event after its first delta,
/// `/gemini-errorfirst/v1beta/models/...` starts with Google's error object, `/gemini-garbled/...` sends an
/// unreadable event after its first delta.
enum MockStreamingUpstream {
    static func addRoutes(to router: Router<BasicRequestContext>, recorder: UpstreamRecorder) {
        for path in ["garbled", "drip", "slowstart", "errorfirst"] {
            router.post("/\(path)/v1/chat/completions") { request, _ in
                let call = try await MockUpstream.record(request, recorder)
                return openAIStream(model: call.body["model"] as? String ?? "?", path: path)
            }
        }
        router.post("/anthropic-overloaded/v1/messages") { request, _ in
            _ = try await MockUpstream.record(request, recorder)
            return anthropicStream(failing: true)
        }
        for path in ["errorfirst", "garbled"] {
            router.post("/gemini-\(path)/v1beta/models/:call") { request, _ in
                _ = try await MockUpstream.record(request, recorder)
                return geminiStream(path: path)
            }
        }
    }

    /// An OpenAI stream of the deltas "", "hello ", "from ", MODEL, a finish chunk, a usage chunk and `[DONE]`.
    static func openAIStream(model: String, path: String = "ok") -> Response {
        events { writer in
            if path == "slowstart" { try await Task.sleep(for: .seconds(2)) }
            if path == "errorfirst" { try await send(#"{"error":{"message":"quota exceeded","type":"insufficient_quota"}}"#, to: &writer) }
            for (index, text) in ["", "hello ", "from ", model].enumerated() {
                let delta = index == 0 ? #"{"role":"assistant","content":""}"# : #"{"content":"\#(text)"}"#
                try await send(#"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":\#(delta),"finish_reason":null}]}"#, to: &writer)
                if index == 1, path == "garbled" { try await send("{this is not json", to: &writer) }
                if index == 1, path == "drip" { try await Task.sleep(for: .seconds(3)) }
            }
            try await send(#"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}"#, to: &writer)
            try await send(#"{"id":"c","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":5}}"#, to: &writer)
            try await send("[DONE]", to: &writer)
        }
    }

    /// An Anthropic stream saying "hello from claude" (or failing with `overloaded_error` after "hello ").
    static func anthropicStream(failing: Bool = false) -> Response {
        events { writer in
            try await send(#"{"type":"message_start","message":{"id":"m","usage":{"input_tokens":7,"output_tokens":1}}}"#, event: "message_start", to: &writer)
            try await send(#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#, event: "content_block_start", to: &writer)
            try await send(#"{"type":"ping"}"#, event: "ping", to: &writer)
            for text in ["hello ", "from ", "claude"] {
                try await send(#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\#(text)"}}"#, event: "content_block_delta", to: &writer)
                if failing {
                    try await send(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#, event: "error", to: &writer)
                    return
                }
            }
            try await send(#"{"type":"content_block_stop","index":0}"#, event: "content_block_stop", to: &writer)
            try await send(#"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":3}}"#, event: "message_delta", to: &writer)
            try await send(#"{"type":"message_stop"}"#, event: "message_stop", to: &writer)
        }
    }

    /// A Google AI Studio stream: a thought and an empty text, then "hello ", "from ", "gemini" with the running
    /// usage, then a finishing event with the final usage; no end marker.
    static func geminiStream(path: String = "ok") -> Response {
        events { writer in
            if path == "errorfirst" { try await send(#"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#, to: &writer) }
            try await send(geminiEvent(#"[{"text":"planning","thought":true},{"text":""}]"#, output: 0), to: &writer)
            for (index, text) in ["hello ", "from ", "gemini"].enumerated() {
                try await send(geminiEvent(#"[{"text":"\#(text)"}]"#, output: index + 1), to: &writer)
                if index == 0, path == "garbled" { try await send("{this is not json", to: &writer) }
            }
            try await send(geminiEvent("[]", finish: #","finishReason":"STOP""#, output: 4), to: &writer)
        }
    }

    /// One `GenerateContentResponse` event with `parts`, the optional finish reason and the running usage.
    private static func geminiEvent(_ parts: String, finish: String = "", output: Int) -> String {
        #"{"candidates":[{"content":{"role":"model","parts":\#(parts)}\#(finish),"index":0}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":\#(output)}}"#
    }

    private static func events(_ write: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
            try await write(&writer)
            try await writer.finish(nil)
        })
    }

    private static func send(_ data: String, event: String? = nil, to writer: inout any ResponseBodyWriter) async throws {
        try await writer.write(ByteBuffer(string: (event.map { "event: \($0)\n" } ?? "") + "data: \(data)\n\n"))
    }
}
