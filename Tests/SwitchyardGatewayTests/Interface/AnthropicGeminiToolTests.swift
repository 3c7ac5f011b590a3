import Foundation
import Testing

/// Tools and JSON modes through the Anthropic and Gemini adapters: the exact upstream fields and the mapping
/// back (Anthropic's shapes confirmed with TensorZero 2026.6.0; Gemini's follow TensorZero's source, since its
/// Google AI Studio provider cannot be pointed at a mock).
@Suite struct AnthropicGeminiToolTests {
    private let hi = #""input":{"messages":[{"role":"user","content":"hi"}]}"#

    private func run(_ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(config: ToolConfigFixture.config(upstreamPort:), preparePlan: ToolConfigFixture.onMock, body)
    }

    @Test func anthropicToolsAndToolUse() async throws {
        try await run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name":"tooly","variant_name":"anthropic","tool_choice":"required","parallel_tool_calls":false,\#(hi)}"#)
            #expect(status == 200)
            #expect(JSONComparison.canonical(body["content"]) == JSONComparison.canonical(json: #"""
                [{"type":"text","text":"let me check"},
                 {"type":"tool_call","id":"tu_1","raw_name":"get_weather","raw_arguments":"{\"city\":\"Paris\"}","name":"get_weather","arguments":{"city":"Paris"}}]
                """#))
            let sent = try #require(await harness.recorder.calls(under: "/anthropic-tools/").first).body
            #expect(JSONComparison.canonical(sent["tools"]) == JSONComparison.canonical(json: #"""
                [{"name":"get_weather","description":"Get the weather","input_schema":\#(ToolConfigFixture.weather),"strict":true},
                 {"name":"get_time","description":"Get the time","input_schema":\#(ToolConfigFixture.time),"strict":false}]
                """#))
            #expect(JSONComparison.canonical(sent["tool_choice"]) == #"{"disable_parallel_tool_use":true,"type":"any"}"#)
        }
    }

    @Test func anthropicNoneOffersNoToolsAndAllowedToolsNarrow() async throws {
        try await run { harness in
            _ = try await harness.post("/inference", #"{"function_name":"tooly","variant_name":"anthropic","tool_choice":"none",\#(hi)}"#)
            let allowed = #""allowed_tools":["get_time"],"additional_tools":[{"name":"lookup","description":"L","parameters":{"type":"object"}}]"#
            _ = try await harness.post("/inference", #"{"function_name":"tooly","variant_name":"anthropic",\#(allowed),\#(hi)}"#)
            let calls = await harness.recorder.calls(under: "/anthropic-tools/").map(\.body)
            #expect(calls.count == 2)
            #expect(calls[0]["tools"] == nil && calls[0]["tool_choice"] == nil)
            #expect((calls[1]["tools"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["get_time"])
        }
    }

    @Test func anthropicSpecificChoiceAndConversation() async throws {
        try await run { harness in
            let request = #"""
                {"function_name":"tooly","variant_name":"anthropic","tool_choice":{"specific":"get_time"},"input":{"messages":[
                  {"role":"assistant","content":[{"type":"text","text":"checking"},{"type":"tool_call","id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"}]},
                  {"role":"user","content":[{"type":"tool_result","id":"call_1","name":"get_weather","result":"20C"}]}]}}
                """#
            #expect(try await harness.post("/inference", request).status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/anthropic-tools/").first).body
            #expect(JSONComparison.canonical(sent["tool_choice"]) == #"{"disable_parallel_tool_use":false,"name":"get_time","type":"tool"}"#)
            #expect(JSONComparison.canonical(sent["messages"]) == JSONComparison.canonical(json: #"""
                [{"role":"assistant","content":[{"type":"text","text":"checking"},{"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"20C"}]}]}]
                """#))
        }
    }

    @Test func anthropicJSONModes() async throws {
        try await run { harness in
            let on = try await harness.post("/inference", #"{"function_name":"extract","variant_name":"anthropic_on",\#(hi)}"#)
            #expect(JSONComparison.canonical(on.body["output"]) == JSONComparison.canonical(json: #"{"raw":"{\"name\":\"Ann\",\"age\":3}","parsed":{"name":"Ann","age":3}}"#))
            let strict = try await harness.post("/inference", #"{"function_name":"extract","variant_name":"anthropic_strict",\#(hi)}"#)
            #expect(strict.status == 200)
            let tool = try await harness.post("/inference", #"{"function_name":"extract","variant_name":"anthropic_tool",\#(hi)}"#)
            #expect((tool.body["output"] as? [String: Any])?["raw"] as? String == #"{"name":"Ann","age":3}"#, "the upstream's member order")
            #expect(JSONComparison.canonical((tool.body["output"] as? [String: Any])?["parsed"]) == #"{"age":3,"name":"Ann"}"#)
            let calls = await harness.recorder.calls(under: "/anthropic-tools/").map(\.body)
            #expect(calls.count == 3)
            #expect(JSONComparison.canonical((calls[0]["messages"] as? [Any])?.last) == JSONComparison.canonical(
                json: #"{"role":"assistant","content":[{"type":"text","text":"Here is the JSON requested:\n{"}]}"#
            ))
            #expect(JSONComparison.canonical(calls[1]["output_config"]) == JSONComparison.canonical(
                json: #"{"format":{"type":"json_schema","schema":\#(ToolConfigFixture.output)}}"#
            ))
            #expect(JSONComparison.canonical(calls[2]["tool_choice"]) == #"{"disable_parallel_tool_use":false,"name":"respond","type":"tool"}"#)
            #expect(JSONComparison.canonical(calls[2]["tools"]) == JSONComparison.canonical(json: #"""
                [{"name":"respond","description":"Respond to the user using the output schema provided.","input_schema":\#(ToolConfigFixture.output),"strict":false}]
                """#))
        }
    }

    @Test func geminiFunctionDeclarationsAndCalls() async throws {
        try await run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name":"tooly","variant_name":"gemini","tool_choice":{"specific":"get_weather"},\#(hi)}"#)
            #expect(status == 200)
            let call = try #require((body["content"] as? [[String: Any]])?.last)
            #expect(call["type"] as? String == "tool_call" && call["name"] as? String == "get_weather")
            #expect(JSONComparison.canonical(call["arguments"]) == #"{"city":"Paris"}"#)
            #expect((call["id"] as? String)?.count == 36)
            let sent = try #require(await harness.recorder.calls(under: "/gemini-tools/").first).body
            let weather = #"{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]}},"required":["city"]}"#
            #expect(JSONComparison.canonical(sent["tools"]) == JSONComparison.canonical(json: #"""
                [{"functionDeclarations":[{"name":"get_weather","description":"Get the weather","parameters":\#(weather)},
                                          {"name":"get_time","description":"Get the time","parameters":\#(ToolConfigFixture.time)}]}]
                """#))
            #expect(JSONComparison.canonical(sent["toolConfig"]) == #"{"functionCallingConfig":{"allowedFunctionNames":["get_weather"],"mode":"any"}}"#)
        }
    }

    @Test func geminiStrictJSONSetsTheResponseSchema() async throws {
        try await run { harness in
            _ = try await harness.post("/inference", #"{"function_name":"extract","variant_name":"gemini_strict",\#(hi)}"#)
            let sent = try #require(await harness.recorder.calls(under: "/gemini-tools/").first).body
            let generation = try #require(sent["generationConfig"] as? [String: Any])
            #expect(generation["responseMimeType"] as? String == "application/json")
            #expect(JSONComparison.canonical(generation["responseSchema"]) == JSONComparison.canonical(
                json: #"{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}},"required":["name","age"]}"#
            ))
        }
    }
}
