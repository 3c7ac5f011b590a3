import Testing

/// Tools through the OpenAI-compatible adapter: the exact `tools` / `tool_choice` / `parallel_tool_calls` and
/// tool messages sent upstream, and tool calls mapped back as TensorZero 2026.6.0 maps them (request shapes and
/// answers confirmed against the real gateway with the same config and upstream replies).
@Suite struct OpenAIToolCallingTests {
    private static let weatherTool = #"{"type":"function","function":{"name":"get_weather","description":"Get the weather","parameters":\#(ToolConfigFixture.weather)},"strict":true}"#
    private static let timeTool = #"{"type":"function","function":{"name":"get_time","description":"Get the time","parameters":\#(ToolConfigFixture.time)},"strict":false}"#

    private func run(_ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(config: ToolConfigFixture.config(upstreamPort:), preparePlan: ToolConfigFixture.onMock, body)
    }

    @Test func offersTheFunctionsToolsAndMapsToolCalls() async throws {
        try await run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name":"tooly","variant_name":"openai","input":{"messages":[{"role":"user","content":"hi"}]}}"#)
            #expect(status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/tools/").first).body
            #expect(JSONComparison.canonical(sent["tools"]) == JSONComparison.canonical(json: "[\(Self.weatherTool),\(Self.timeTool)]"))
            #expect(sent["tool_choice"] as? String == "auto")
            #expect(sent["parallel_tool_calls"] as? Bool == true)
            #expect(JSONComparison.canonical(body["content"]) == JSONComparison.canonical(json: #"""
                [{"type":"tool_call","id":"call_1","raw_name":"get_weather","raw_arguments":"{\"city\":\"Paris\"}","name":"get_weather","arguments":{"city":"Paris"}},
                 {"type":"tool_call","id":"call_2","raw_name":"get_weather","raw_arguments":"{\"town\":\"Paris\"}","name":"get_weather","arguments":null},
                 {"type":"tool_call","id":"call_3","raw_name":"nope","raw_arguments":"not json","name":null,"arguments":null}]
                """#))
            #expect(body["finish_reason"] as? String == "tool_call")
        }
    }

    @Test func inferenceTimeToolSettings() async throws {
        try await run { harness in
            let request = #"""
                {"function_name":"tooly","variant_name":"openai","input":{"messages":[{"role":"user","content":"hi"}]},
                 "allowed_tools":["get_time"], "parallel_tool_calls": false,
                 "additional_tools":[{"name":"lookup","description":"Look up","parameters":{"type":"object","properties":{"q":{"type":"string"}}},"strict":true}]}
                """#
            #expect(try await harness.post("/inference", request).status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/tools/").first).body
            let lookup = #"{"type":"function","function":{"name":"lookup","description":"Look up","parameters":{"type":"object","properties":{"q":{"type":"string"}}}},"strict":true}"#
            #expect(JSONComparison.canonical(sent["tools"]) == JSONComparison.canonical(json: "[\(Self.weatherTool),\(Self.timeTool),\(lookup)]"))
            #expect(JSONComparison.canonical(sent["tool_choice"]) == JSONComparison.canonical(
                json: #"{"type":"allowed_tools","allowed_tools":{"mode":"auto","tools":[{"type":"function","function":{"name":"get_time"}}]}}"#
            ))
            #expect(sent["parallel_tool_calls"] as? Bool == false)
        }
    }

    @Test(arguments: [
        (#""none""#, #""none""#), (#""required""#, #""required""#),
        (#"{"specific":"get_time"}"#, #"{"type":"function","function":{"name":"get_time"}}"#),
    ])
    func toolChoice(_ choice: String, _ wire: String) async throws {
        try await run { harness in
            let request = #"{"function_name":"tooly","variant_name":"openai","tool_choice":\#(choice),"input":{"messages":[{"role":"user","content":"hi"}]}}"#
            #expect(try await harness.post("/inference", request).status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/tools/").first).body
            #expect(JSONComparison.canonical(sent["tool_choice"]) == JSONComparison.canonical(json: wire))
        }
    }

    @Test func unknownToolNamesAreRejected() async throws {
        try await run { harness in
            let messages = #""input":{"messages":[{"role":"user","content":"hi"}]}"#
            let allowed = try await harness.post("/inference", #"{"function_name":"tooly","allowed_tools":["ghost"],\#(messages)}"#)
            #expect(allowed.status == 400)
            #expect(allowed.body["error"] as? String == "Tool not found: ghost")
            let choice = try await harness.post("/inference", #"{"function_name":"tooly","tool_choice":{"specific":"ghost"},\#(messages)}"#)
            #expect(choice.status == 400)
            #expect(choice.body["error"] as? String == "Tool not found: ghost")
            #expect(await harness.recorder.calls(under: "/tools/").isEmpty)
        }
    }

    @Test func toolCallsAndResultsInTheConversation() async throws {
        try await run { harness in
            let request = #"""
                {"function_name":"tooly","variant_name":"openai","input":{"messages":[
                  {"role":"user","content":"weather?"},
                  {"role":"assistant","content":[{"type":"text","text":"checking"},{"type":"tool_call","id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"}]},
                  {"role":"user","content":[{"type":"tool_result","id":"call_1","name":"get_weather","result":"20C"}]},
                  {"role":"assistant","content":[{"type":"tool_call","id":"call_2","name":"get_time","arguments":{"zone":"CET"}}]}]}}
                """#
            #expect(try await harness.post("/inference", request).status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/tools/").first).body
            #expect(JSONComparison.canonical(sent["messages"]) == JSONComparison.canonical(json: #"""
                [{"role":"user","content":"weather?"},
                 {"role":"assistant","content":"checking","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"20C"},
                 {"role":"assistant","tool_calls":[{"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{\"zone\":\"CET\"}"}}]}]
                """#))
        }
    }

    @Test func streamsToolCallChunks() async throws {
        try await run { harness in
            let events = try await harness.postStream(
                "/inference", #"{"function_name":"tooly","variant_name":"openai","stream":true,"input":{"messages":[{"role":"user","content":"hi"}]}}"#
            ).objects
            let content = events.compactMap { $0["content"] as? [[String: Any]] }.filter { !$0.isEmpty }
            #expect(JSONComparison.canonical(content) == JSONComparison.canonical(json: #"""
                [[{"type":"tool_call","id":"call_1","raw_name":"get_weather","raw_arguments":""}],
                 [{"type":"tool_call","id":"call_1","raw_name":"","raw_arguments":"{\"city\":"}],
                 [{"type":"tool_call","id":"call_1","raw_name":"","raw_arguments":"\"Paris\"}"}]]
                """#))
            #expect(events.last?["finish_reason"] as? String == "tool_call")
        }
    }
}
