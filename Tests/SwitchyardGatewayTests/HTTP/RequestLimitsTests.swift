import Foundation
import Testing
@testable import SwitchyardGateway

/// Each request limit, end to end: a request just inside it is served, one just past it gets the status and a
/// message naming the limit and its `serve` option, in the endpoint's error shape.
@Suite struct RequestLimitsTests {
    static let small = RequestLimits(maxBodyBytes: 2048, maxHeaderBytes: 1024, maxMessages: 3, maxJSONDepth: 8)

    static func inference(messages: Int, padding: Int = 0) -> String {
        let message = #"{"role": "user", "content": "hi"}"#
        let list = Array(repeating: message, count: messages).joined(separator: ", ")
        return #"{"function_name": "chat_fn", "input": {"messages": [\#(list)]}, "tags": {"pad": "\#(String(repeating: "x", count: padding))"}}"#
    }

    static func openAI(messages: Int) -> String {
        let list = Array(repeating: #"{"role": "user", "content": "hi"}"#, count: messages).joined(separator: ", ")
        return #"{"model": "tensorzero::function_name::chat_fn", "messages": [\#(list)]}"#
    }

    @Test func bodyOverTheLimitGets413NamingIt() async throws {
        try await GatewayHarness.run(limits: Self.small) { harness in
            let fits = Self.inference(messages: 1, padding: 1500)
            #expect(fits.utf8.count <= 2048)
            #expect(try await harness.post("/inference", fits).status == 200)
            let (status, body) = try await harness.post("/inference", Self.inference(messages: 1, padding: 2100))
            #expect(status == 413)
            #expect((body["error"] as? String)?.contains("the limit is 2048 bytes") == true)
            #expect((body["error"] as? String)?.contains("--max-body-bytes") == true)
            let openAI = try await harness.post("/openai/v1/chat/completions", Self.openAI(messages: 1) + String(repeating: " ", count: 3000))
            #expect(openAI.status == 413)
            #expect(((openAI.body["error"] as? [String: Any])?["message"] as? String)?.contains("--max-body-bytes") == true)
        }
    }

    @Test func headersOverTheLimitGet431NamingIt() async throws {
        try await GatewayHarness.run(limits: Self.small) { harness in
            let fits = try await harness.post("/inference", Self.inference(messages: 1), headers: [("x-note", String(repeating: "a", count: 600))])
            #expect(fits.status == 200)
            let (status, body) = try await harness.post("/inference", Self.inference(messages: 1), headers: [("x-note", String(repeating: "a", count: 1200))])
            #expect(status == 431)
            #expect((body["error"] as? String)?.contains("the limit is 1024 bytes") == true)
            #expect((body["error"] as? String)?.contains("--max-header-bytes") == true)
        }
    }

    @Test func headersFarOverTheLimitAreRefusedByTheParser() async throws {
        try await GatewayHarness.run(limits: Self.small) { harness in
            let status = try? await harness.post("/inference", Self.inference(messages: 1), headers: [("x-note", String(repeating: "a", count: 5000))]).status
            #expect(status == nil || status == 400)
        }
    }

    @Test func tooManyMessagesGet400OnBothEndpoints() async throws {
        try await GatewayHarness.run(limits: Self.small) { harness in
            #expect(try await harness.post("/inference", Self.inference(messages: 3)).status == 200)
            let (status, body) = try await harness.post("/inference", Self.inference(messages: 4))
            #expect(status == 400)
            #expect(body["error"] as? String == "Too many messages: `input.messages` has 4, the limit is 3 (set with `switchyard serve --max-messages`)")
            #expect(try await harness.post("/openai/v1/chat/completions", Self.openAI(messages: 3)).status == 200)
            let openAI = try await harness.post("/openai/v1/chat/completions", Self.openAI(messages: 4))
            #expect(openAI.status == 400)
            #expect(((openAI.body["error"] as? [String: Any])?["message"] as? String)?.contains("`messages` has 4, the limit is 3") == true)
        }
    }

    @Test func nestingDeeperThanTheLimitGets400() async throws {
        try await GatewayHarness.run(limits: Self.small) { harness in
            func request(depth: Int) -> String {
                // The body object holds an unread key whose value nests `depth - 1` arrays.
                let nested = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
                return #"{"function_name": "chat_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}, "padding": \#(nested)}"#
            }
            #expect(try await harness.post("/inference", request(depth: 8)).status == 200)
            let (status, body) = try await harness.post("/inference", request(depth: 9))
            #expect(status == 400)
            #expect(body["error"] as? String == "Request JSON nested too deeply: the limit is 8 levels of arrays and objects (set with `switchyard serve --max-json-depth`)")
        }
    }

    @Test func depthScanIgnoresBracketsInsideStrings() throws {
        let limits = RequestLimits(maxBodyBytes: 1 << 20, maxHeaderBytes: 1024, maxMessages: 3, maxJSONDepth: 2)
        try limits.checkJSONDepth(Array(#"{"a": ["[[[{{{", "\"[[["]}"#.utf8))
        #expect(throws: GatewayError.self) { try limits.checkJSONDepth(Array(#"{"a": [["\"]"]]}"#.utf8)) }
    }

    @Test func standardDepthRefusesAHugelyNestedBodyBeforeParsing() {
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(throws: GatewayError.self) { try RequestLimits.standard.checkJSONDepth(deep) }
    }
}
