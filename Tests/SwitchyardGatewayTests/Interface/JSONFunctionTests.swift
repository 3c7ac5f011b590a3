import Foundation
import Testing

/// JSON functions: each `json_mode` as TensorZero 2026.6.0 sends it to OpenAI and Anthropic (confirmed with the
/// real gateway), and `output: {raw, parsed}` with output the schema rejects answered 200 with `parsed: null`.
@Suite struct JSONFunctionTests {
    private let hi = #""input":{"messages":[{"role":"user","content":"hi"}]}"#

    private func run(_ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(config: ToolConfigFixture.config(upstreamPort:), preparePlan: ToolConfigFixture.onMock, body)
    }

    private func infer(_ harness: GatewayHarness, variant: String, extra: String = "") async throws -> (status: Int, body: [String: Any]) {
        try await harness.post("/inference", #"{"function_name":"extract","variant_name":"\#(variant)",\#(hi)\#(extra)}"#)
    }

    @Test func onModeAsksForAJSONObjectAndSaysSo() async throws {
        try await run { harness in
            let (status, body) = try await infer(harness, variant: "on", extra: #","params":{"chat_completion":{"max_tokens":10}}"#)
            #expect(status == 200)
            #expect(JSONComparison.canonical(body["output"]) == JSONComparison.canonical(json: #"{"raw":"{\"name\":\"Ann\",\"age\":3}","parsed":{"name":"Ann","age":3}}"#))
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect(JSONComparison.canonical(sent["response_format"]) == #"{"type":"json_object"}"#)
            #expect(JSONComparison.canonical(sent["messages"]) == JSONComparison.canonical(json: #"[{"role":"system","content":"Respond using JSON."},{"role":"user","content":"hi"}]"#))
        }
    }

    @Test func onModePutsTheInstructionBeforeTheSystemText() async throws {
        try await run { harness in
            _ = try await harness.post("/inference", #"{"function_name":"extract","variant_name":"on","input":{"system":"Be brief.","messages":[{"role":"user","content":"hi"}]}}"#)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect((sent["messages"] as? [[String: Any]])?.first?["content"] as? String == "Respond using JSON.\n\nBe brief.")
        }
    }

    @Test func onModeAddsNoInstructionWhenThePromptMentionsJSON() async throws {
        try await run { harness in
            _ = try await harness.post("/inference", #"{"function_name":"extract","variant_name":"on","input":{"system":"Answer in JSON please.","messages":[{"role":"user","content":"hi"}]}}"#)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect((sent["messages"] as? [[String: Any]])?.first?["content"] as? String == "Answer in JSON please.")
        }
    }

    @Test func strictModeSendsTheSchema() async throws {
        try await run { harness in
            #expect(try await infer(harness, variant: "strict").status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect(JSONComparison.canonical(sent["response_format"]) == JSONComparison.canonical(
                json: #"{"type":"json_schema","json_schema":{"name":"response","strict":true,"schema":\#(ToolConfigFixture.output)}}"#
            ))
            #expect((sent["messages"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func toolModeForcesTheRespondToolAndReturnsItsArguments() async throws {
        try await run { harness in
            let (status, body) = try await infer(harness, variant: "tool")
            #expect(status == 200)
            #expect((body["output"] as? [String: Any])?["raw"] as? String == #"{"name":"Ann","age":3}"#)
            #expect(body["finish_reason"] as? String == "tool_call")
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect(JSONComparison.canonical(sent["tools"]) == JSONComparison.canonical(json: #"""
                [{"type":"function","function":{"name":"respond","description":"Respond to the user using the output schema provided.","parameters":\#(ToolConfigFixture.output)},"strict":false}]
                """#))
            #expect(JSONComparison.canonical(sent["tool_choice"]) == #"{"function":{"name":"respond"},"type":"function"}"#)
            #expect(sent["parallel_tool_calls"] == nil)
            #expect(sent["response_format"] == nil)
        }
    }

    @Test func offModeSendsNothingExtra() async throws {
        try await run { harness in
            #expect(try await infer(harness, variant: "off").status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect(sent["response_format"] == nil && sent["tools"] == nil)
        }
    }

    @Test func outputTheSchemaRejectsIsServedUnparsed() async throws {
        try await run { harness in
            let (status, body) = try await infer(harness, variant: "bad")
            #expect(status == 200)
            #expect(JSONComparison.canonical(body["output"]) == JSONComparison.canonical(json: #"{"raw":"{\"name\":\"Ann\",\"age\":-1}","parsed":null}"#))
        }
    }

    @Test func outputSchemaOverrideAtInference() async throws {
        try await run { harness in
            let schema = #"{"type":"object","properties":{"x":{"type":"string"}},"required":["x"]}"#
            let (status, body) = try await infer(harness, variant: "strict", extra: #","output_schema":\#(schema)"#)
            #expect(status == 200)
            #expect((body["output"] as? [String: Any])?["parsed"] is NSNull)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            let format = (sent["response_format"] as? [String: Any])?["json_schema"] as? [String: Any]
            #expect(JSONComparison.canonical(format?["schema"]) == JSONComparison.canonical(json: schema))
        }
    }

    @Test func jsonModeOverrideInParams() async throws {
        try await run { harness in
            #expect(try await infer(harness, variant: "off", extra: #","params":{"chat_completion":{"json_mode":"on"}}"#).status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect(JSONComparison.canonical(sent["response_format"]) == #"{"type":"json_object"}"#)
            let bad = try await infer(harness, variant: "off", extra: #","params":{"chat_completion":{"json_mode":"maybe"}}"#)
            #expect(bad.status == 400)
        }
    }
}
