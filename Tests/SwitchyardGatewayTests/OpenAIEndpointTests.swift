import Testing

/// `POST /openai/v1/chat/completions`: TensorZero's OpenAI-compatible shapes.
@Suite struct OpenAIEndpointTests {
    static let messages = #""messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": [{"type": "text", "text": "hi"}]}]"#

    @Test func functionResponseIsOpenAIShaped() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post(
                "/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::chat_fn", "max_tokens": 30, \#(Self.messages)}"#
            )
            #expect(status == 200)
            #expect(body["object"] as? String == "chat.completion")
            #expect(body["model"] as? String == "tensorzero::function_name::chat_fn::variant_name::chat_fn_variant")
            let choice = (body["choices"] as? [[String: Any]])?.first
            #expect(choice?["finish_reason"] as? String == "stop")
            let message = choice?["message"] as? [String: Any]
            #expect(message?["role"] as? String == "assistant")
            #expect(message?["content"] as? String == "hello from primary-wire")
            let usage = body["usage"] as? [String: Any]
            #expect(usage?["prompt_tokens"] as? Int == 11)
            #expect(usage?["completion_tokens"] as? Int == 5)
            #expect(usage?["total_tokens"] as? Int == 16)
            #expect(body["episode_id"] is String)
            let call = await harness.recorder.calls(under: "/ok/").first
            #expect(call?.body["max_completion_tokens"] as? Int == 30)
            let sent = call?.body["messages"] as? [[String: Any]]
            #expect(sent?.first?["content"] as? String == "be brief")
        }
    }

    /// As TensorZero 2026.6.0 does: the OpenAI fields are read, `tensorzero::params` wins over them, and each goes
    /// upstream rounded through `f32`.
    @Test func penaltiesFromTheBodyAndFromTensorZeroParams() async throws {
        try await GatewayHarness.run { harness in
            let request = #"""
                {"model": "tensorzero::function_name::chat_fn", "presence_penalty": 0.2, "frequency_penalty": 0.4,
                 "tensorzero::params": {"chat_completion": {"presence_penalty": 0.6}}, \#(Self.messages)}
                """#
            let (status, _) = try await harness.post("/openai/v1/chat/completions", request)
            #expect(status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/ok/").first).text
            #expect(sent.contains(#""presence_penalty":0.6000000238418579"#), "\(sent)")
            #expect(sent.contains(#""frequency_penalty":0.4000000059604645"#), "\(sent)")
        }
    }

    @Test func reasoningSettingsFromTheBody() async throws {
        try await GatewayHarness.run { harness in
            let request = #"""
                {"model": "tensorzero::function_name::chat_fn", "reasoning_effort": "low", "service_tier": "flex", "verbosity": "low",
                 "tensorzero::params": {"chat_completion": {"reasoning_effort": "high"}}, \#(Self.messages)}
                """#
            let (status, _) = try await harness.post("/openai/v1/chat/completions", request)
            #expect(status == 200)
            let body = try #require(await harness.recorder.calls(under: "/ok/").first).body
            #expect(body["reasoning_effort"] as? String == "high")
            #expect(body["service_tier"] as? String == "flex")
            #expect(body["verbosity"] as? String == "low")
        }
    }

    @Test func modelNameAndCredentialsExtras() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post(
                "/openai/v1/chat/completions",
                #"{"model": "tensorzero::model_name::dynamic_model", "tensorzero::credentials": {"customer_key": "sk-from-extra-body"}, \#(Self.messages)}"#
            )
            #expect(status == 200)
            #expect(body["model"] as? String == "tensorzero::model_name::dynamic_model")
            #expect(await harness.recorder.calls(under: "/ok/").first?.authorization == "Bearer sk-from-extra-body")
        }
    }

    @Test func pinnedVariantAndEpisode() async throws {
        try await GatewayHarness.run { harness in
            let episode = "0192d3a4-5b6c-7d8e-9f01-23456789abcd"
            let request = #"""
                {"model": "tensorzero::function_name::fallback_fn", "tensorzero::variant_name": "fallback_fn_variant",
                 "tensorzero::episode_id": "\#(episode)", \#(Self.messages)}
                """#
            let (status, body) = try await harness.post("/openai/v1/chat/completions", request)
            #expect(status == 200)
            #expect(body["episode_id"] as? String == episode)
            #expect(body["model"] as? String == "tensorzero::function_name::fallback_fn::variant_name::fallback_fn_variant")
        }
    }

    @Test func errorsAreOpenAIShaped() async throws {
        try await GatewayHarness.run { harness in
            let bad = try await harness.post("/openai/v1/chat/completions", #"{"model": "gpt-4o", \#(Self.messages)}"#)
            #expect(bad.status == 400)
            let message = (bad.body["error"] as? [String: Any])?["message"] as? String
            #expect(message?.hasPrefix("Invalid request to OpenAI-compatible endpoint: `model` field must start with") == true)
            let unknown = try await harness.post("/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::nope", \#(Self.messages)}"#)
            #expect(unknown.status == 404)
            #expect((unknown.body["error"] as? [String: Any])?["message"] as? String == "Unknown function: nope")
            let failing = try await harness.post("/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::failing_fn", \#(Self.messages)}"#)
            #expect(failing.status == 502)
            #expect(((failing.body["error"] as? [String: Any])?["message"] as? String)?.hasPrefix("All variants failed") == true)
        }
    }
}
