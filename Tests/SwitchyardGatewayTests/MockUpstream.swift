import Foundation
import Hummingbird
import NIOCore

/// What the mock upstream received: path, credential headers and JSON body of each call.
actor UpstreamRecorder {
    struct Call: Sendable {
        var path: String
        var authorization: String?
        var xAPIKey: String?
        var apiKey: String?
        var anthropicVersion: String?
        var bodyData: Data
        /// Every header received, by lowercased name (the last value of a repeated header).
        var headers: [String: String] = [:]
        var query: String?

        /// The JSON body the gateway sent.
        var body: [String: Any] { (try? JSONSerialization.jsonObject(with: bodyData)) as? [String: Any] ?? [:] }
        /// The body's text as sent, for checking numbers exactly (Foundation's parser on Linux reads some 17-digit
        /// numbers one unit off).
        var text: String { String(decoding: bodyData, as: UTF8.self) }
    }

    private(set) var calls: [Call] = []

    func record(_ call: Call) { calls.append(call) }

    func calls(under prefix: String) -> [Call] { calls.filter { $0.path.hasPrefix(prefix) } }
}

/// A loopback upstream that speaks the OpenAI and Anthropic wire formats:
/// `/ok/v1/chat/completions` answers, `/fail/...` answers 500, `/unauthorized/...` 401, `/echo-key/...` 401 quoting the
/// bearer key (plainly, masked and in base64), `/slow/...` after 2 s,
/// `/anthropic/v1/messages` answers as Anthropic, `/azure/openai/deployments/D/chat/completions` as Azure,
/// `/gemini/v1beta/models/MODEL:generateContent` as Google AI Studio Gemini (`/gemini-denied/...` with 403).
/// `/ok/` and `/anthropic/` stream when the request asks to, `/gemini/` at `MODEL:streamGenerateContent`
/// (`MockStreamingUpstream`).
enum MockUpstream {
    static func router(recorder: UpstreamRecorder) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/ok/v1/chat/completions") { request, _ in
            let call = try await record(request, recorder)
            let model = call.body["model"] as? String ?? "?"
            if call.body["stream"] as? Bool == true { return MockStreamingUpstream.openAIStream(model: model) }
            return openAIResponse("hello from \(model)")
        }
        router.post("/azure/openai/deployments/:deployment/chat/completions") { request, context in
            _ = try await record(request, recorder)
            return openAIResponse("hello from azure \(context.parameters.get("deployment") ?? "?")")
        }
        router.post("/fail/v1/chat/completions") { request, _ in
            _ = try await record(request, recorder)
            return text(500, #"{"error":"upstream exploded"}"#)
        }
        router.post("/unauthorized/v1/chat/completions") { request, _ in
            _ = try await record(request, recorder)
            return text(401, #"{"error":"bad key"}"#)
        }
        router.post("/echo-key/v1/chat/completions") { request, _ in
            let call = try await record(request, recorder)
            let key = call.authorization.map { String($0.dropFirst("Bearer ".count)) } ?? ""
            let masked = key.prefix(10) + "****" + key.suffix(4)
            return text(401, #"{"error":{"message":"Incorrect API key provided: \#(key) (\#(masked)), base64 \#(Data(key.utf8).base64EncodedString())"}}"#)
        }
        router.post("/slow/v1/chat/completions") { request, _ in
            _ = try await record(request, recorder)
            try await Task.sleep(for: .seconds(2))
            return openAIResponse("too late")
        }
        router.post("/anthropic/v1/messages") { request, _ in
            let call = try await record(request, recorder)
            if call.body["stream"] as? Bool == true { return MockStreamingUpstream.anthropicStream() }
            return text(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-test","stop_reason":"end_turn",
                 "content":[{"type":"text","text":"hello from claude"}],"usage":{"input_tokens":7,"output_tokens":3}}
                """)
        }
        router.post("/gemini/v1beta/models/:call") { request, context in
            let call = try await record(request, recorder)
            if call.path.hasSuffix(":streamGenerateContent") { return MockStreamingUpstream.geminiStream() }
            return text(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"thinking...","thought":true},{"text":"hello from "},
                 {"text":"\(context.parameters.get("call") ?? "?")"}]},"finishReason":"MAX_TOKENS","index":0}],
                 "usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":4,"totalTokenCount":13}}
                """)
        }
        router.post("/gemini-denied/v1beta/models/:call") { request, _ in
            _ = try await record(request, recorder)
            return text(403, #"{"error":{"code":403,"message":"API key not valid","status":"PERMISSION_DENIED"}}"#)
        }
        MockStreamingUpstream.addRoutes(to: router, recorder: recorder)
        MockToolUpstream.addRoutes(to: router, recorder: recorder)
        return router
    }

    static func record(_ request: Request, _ recorder: UpstreamRecorder) async throws -> UpstreamRecorder.Call {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        func header(_ name: String) -> String? { request.headers.first { $0.name.canonicalName == name }?.value }
        let call = UpstreamRecorder.Call(
            path: request.uri.path, authorization: header("authorization"), xAPIKey: header("x-api-key"), apiKey: header("api-key"),
            anthropicVersion: header("anthropic-version"), bodyData: Data(buffer: buffer),
            headers: Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }) { _, last in last }, query: request.uri.query
        )
        await recorder.record(call)
        return call
    }

    private static func openAIResponse(_ content: String) -> Response {
        text(200, """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"\(content)"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":11,"completion_tokens":5,"total_tokens":16}}
            """)
    }

    private static func text(_ status: Int, _ body: String) -> Response {
        Response(
            status: .init(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body))
        )
    }
}
