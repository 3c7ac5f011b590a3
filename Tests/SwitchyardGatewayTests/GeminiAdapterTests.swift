import SwitchyardPlan
import Testing

/// `google_ai_studio_gemini` against a loopback upstream that speaks `generateContent`. TensorZero has no
/// `api_base` for this type, so the tests point the compiled plan's endpoint at the mock.
@Suite struct GeminiAdapterTests {
    static func config(upstreamPort port: Int) -> String {
        GatewayHarness.config(upstreamPort: port) + """

            [models.gemini]
            routing = ["google"]

            [models.gemini.providers.google]
            type = "google_ai_studio_gemini"
            model_name = "gemini-test"
            api_key_location = "env::TEST_GOOGLE_KEY"

            [models.gemini_denied]
            routing = ["google"]

            [models.gemini_denied.providers.google]
            type = "google_ai_studio_gemini"
            model_name = "gemini-test"
            api_key_location = "env::TEST_GOOGLE_KEY"

            [functions.gemini_fn]
            type = "chat"

            [functions.gemini_fn.variants.v]
            type = "chat_completion"
            model = "gemini"

            [functions.gemini_denied_fn]
            type = "chat"

            [functions.gemini_denied_fn.variants.v]
            type = "chat_completion"
            model = "gemini_denied"

            """
    }

    /// The plan with both Gemini models' endpoints on the mock (`/gemini/...` answers, `/gemini-denied/...` 403s).
    static func onMock(_ plan: RoutingPlan, port: Int) -> RoutingPlan {
        var plan = plan
        #expect(plan.models["gemini"]?.routing[0].endpoint == "https://generativelanguage.googleapis.com/v1beta/models/gemini-test")
        plan.models["gemini"]!.routing[0].endpoint = "http://127.0.0.1:\(port)/gemini/v1beta/models/gemini-test"
        plan.models["gemini_denied"]!.routing[0].endpoint = "http://127.0.0.1:\(port)/gemini-denied/v1beta/models/gemini-test"
        return plan
    }

    @Test func callsGenerateContentAndMapsTheAnswer() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:), preparePlan: Self.onMock) { harness in
            let request = #"""
                {"function_name": "gemini_fn",
                 "input": {"system": "be brief", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"},
                                                               {"role": "user", "content": [{"type": "text", "text": "again"}]}]},
                 "params": {"chat_completion": {"temperature": 0.5, "max_tokens": 64, "top_p": 0.9, "seed": 7, "stop_sequences": ["END"]}}}
                """#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 200)
            #expect((body["content"] as? [[String: Any]])?.first?["text"] as? String == "hello from gemini-test:generateContent")
            #expect(body["finish_reason"] as? String == "length")
            let usage = body["usage"] as? [String: Any]
            #expect(usage?["input_tokens"] as? Int == 9)
            #expect(usage?["output_tokens"] as? Int == 4)
            let call = try #require(await harness.recorder.calls(under: "/gemini/").first)
            #expect(call.path == "/gemini/v1beta/models/gemini-test:generateContent")
            #expect(call.headers["x-goog-api-key"] == "google-static")
            #expect(call.query == nil)
            #expect(call.authorization == nil)
            let contents = try #require(call.body["contents"] as? [[String: Any]])
            #expect(contents.map { $0["role"] as? String } == ["user", "model", "user"])
            #expect(((contents[2]["parts"] as? [[String: Any]])?.first?["text"]) as? String == "again")
            let system = call.body["systemInstruction"] as? [String: Any]
            #expect(((system?["parts"] as? [[String: Any]])?.first?["text"]) as? String == "be brief")
            let generation = try #require(call.body["generationConfig"] as? [String: Any])
            #expect(generation["temperature"] as? Double == 0.5)
            #expect(generation["maxOutputTokens"] as? Int == 64)
            // Rounded through `f32`, as TensorZero sends it.
            #expect(call.text.contains(#""topP":0.8999999761581421"#))
            #expect(generation["seed"] as? Int == 7)
            #expect(generation["stopSequences"] as? [String] == ["END"])
        }
    }

    @Test func aForbiddenAnswerIsAServerErrorAsInTensorZero() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:), preparePlan: Self.onMock) { harness in
            let (status, body) = try await harness.post(
                "/inference", #"{"function_name": "gemini_denied_fn", "variant_name": "v", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#
            )
            #expect(status == 500)
            #expect((body["error"] as? String)?.contains("Error from google_ai_studio_gemini server: {\"error\":{\"code\":403") == true)
        }
    }

    @Test func aRequestWithoutMessagesIsRefusedBeforeTheUpstream() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:), preparePlan: Self.onMock) { harness in
            let (_, body) = try await harness.post("/inference", #"{"function_name": "gemini_fn", "input": {"system": "only a system"}}"#)
            #expect((body["error"] as? String)?.contains("Google AI Studio Gemini requires at least one message") == true)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }
}
