import Foundation
import Testing

/// The OpenAI-compatible endpoint: `tools`, `tool_choice`, `response_format` and tool messages in, OpenAI
/// `tool_calls` out (streamed as `delta.tool_calls` with their `index`).
@Suite struct OpenAIEndpointToolTests {
    private func run(_ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(config: ToolConfigFixture.config(upstreamPort:), preparePlan: ToolConfigFixture.onMock, body)
    }

    @Test func toolCallsInAndOut() async throws {
        try await run { harness in
            let request = #"""
                {"model":"tensorzero::function_name::tooly","tensorzero::variant_name":"openai","tool_choice":{"type":"function","function":{"name":"lookup"}},
                 "tools":[{"type":"function","function":{"name":"lookup","description":"Look up","parameters":{"type":"object"}}}],
                 "messages":[{"role":"user","content":"hi"},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_0","type":"function","function":{"name":"lookup","arguments":"{}"}}]},
                   {"role":"tool","tool_call_id":"call_0","content":"found"}]}
                """#
            let (status, body) = try await harness.post("/openai/v1/chat/completions", request)
            #expect(status == 200)
            let choice = try #require((body["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "tool_calls")
            let message = try #require(choice["message"] as? [String: Any])
            #expect(message["content"] is NSNull)
            let calls = try #require(message["tool_calls"] as? [[String: Any]])
            #expect(JSONComparison.canonical(calls.first) == JSONComparison.canonical(
                json: #"{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}"#
            ))
            #expect(calls.count == 3)
            let sent = try #require(await harness.recorder.calls(under: "/tools/").first).body
            #expect(JSONComparison.canonical(sent["tool_choice"]) == #"{"function":{"name":"lookup"},"type":"function"}"#)
            #expect((sent["tools"] as? [Any])?.count == 3)
            #expect(JSONComparison.canonical(Array((sent["messages"] as? [Any] ?? []).dropFirst())) == JSONComparison.canonical(json: #"""
                [{"role":"assistant","tool_calls":[{"id":"call_0","type":"function","function":{"name":"lookup","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_0","content":"found"}]
                """#))
        }
    }

    @Test func responseFormatJSONSchemaIsStrictWithThatSchema() async throws {
        try await run { harness in
            let request = #"""
                {"model":"tensorzero::function_name::extract","tensorzero::variant_name":"off","messages":[{"role":"user","content":"hi"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"p","schema":{"type":"object"}}}}
                """#
            let (status, body) = try await harness.post("/openai/v1/chat/completions", request)
            #expect(status == 200)
            #expect(((body["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String == #"{"name":"Ann","age":3}"#)
            let sent = try #require(await harness.recorder.calls(under: "/json/").first).body
            #expect(JSONComparison.canonical(sent["response_format"]) == #"{"json_schema":{"name":"response","schema":{"type":"object"},"strict":true},"type":"json_schema"}"#)
        }
    }

    @Test func jsonFunctionInToolModeStreamsTheArgumentsAsContent() async throws {
        try await run { harness in
            let request = #"{"model":"tensorzero::function_name::extract","tensorzero::variant_name":"tool","stream":true,"messages":[{"role":"user","content":"hi"}]}"#
            let events = try await harness.postStream("/openai/v1/chat/completions", request).objects
            let deltas = events.compactMap { ($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any] }
            #expect(deltas.compactMap { $0["content"] as? String }.joined() == #"{"name":"Ann","age":3}"#)
            #expect(deltas.allSatisfy { $0["tool_calls"] == nil })
        }
    }

    @Test func streamsToolCallDeltas() async throws {
        try await run { harness in
            let request = #"{"model":"tensorzero::function_name::tooly","tensorzero::variant_name":"openai","stream":true,"messages":[{"role":"user","content":"hi"}]}"#
            let events = try await harness.postStream("/openai/v1/chat/completions", request).objects
            let deltas = events.compactMap { (($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])?["tool_calls"] }
            #expect(JSONComparison.canonical(deltas) == JSONComparison.canonical(json: #"""
                [[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}],
                 [{"index":0,"id":"call_1","type":"function","function":{"arguments":"{\"city\":"}}],
                 [{"index":0,"id":"call_1","type":"function","function":{"arguments":"\"Paris\"}"}}]]
                """#))
        }
    }
}
