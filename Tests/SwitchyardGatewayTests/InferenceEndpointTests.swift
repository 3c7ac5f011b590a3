import Testing

/// `POST /inference` against a loopback mock upstream, end to end through the engine.
@Suite struct InferenceEndpointTests {
    static let hello = #""input": {"system": "be brief", "messages": [{"role": "user", "content": "hi"}]}"#

    @Test func servesAChatFunction() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "chat_fn", \#(Self.hello)}"#)
            #expect(status == 200)
            #expect(body["variant_name"] as? String == "chat_fn_variant")
            let content = body["content"] as? [[String: Any]]
            #expect(content?.first?["type"] as? String == "text")
            #expect(content?.first?["text"] as? String == "hello from primary-wire")
            let usage = body["usage"] as? [String: Any]
            #expect(usage?["input_tokens"] as? Int == 11)
            #expect(usage?["output_tokens"] as? Int == 5)
            #expect(body["finish_reason"] as? String == "stop")
            #expect((body["inference_id"] as? String)?.count == 36)
            #expect((body["episode_id"] as? String)?.count == 36)
            let calls = await harness.recorder.calls(under: "/ok/")
            #expect(calls.count == 1)
            #expect(calls.first?.authorization == "Bearer sk-static-openai")
            #expect(calls.first?.body["model"] as? String == "primary-wire")
            let messages = calls.first?.body["messages"] as? [[String: Any]]
            #expect(messages?.first?["role"] as? String == "system")
            #expect(messages?.last?["content"] as? String == "hi")
        }
    }

    @Test func fallsBackToTheNextProviderOn500() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "fallback_fn", \#(Self.hello)}"#)
            #expect(status == 200)
            #expect((body["content"] as? [[String: Any]])?.first?["text"] as? String == "hello from backup-wire")
            #expect(await harness.recorder.calls(under: "/fail/").count == 1)
            #expect(await harness.recorder.calls(under: "/ok/").count == 1)
        }
    }

    @Test func sendsTheRequestsDynamicCredential() async throws {
        try await GatewayHarness.run { harness in
            let request = #"{"function_name": "dynamic_fn", "credentials": {"customer_key": "sk-customer-42"}, \#(Self.hello)}"#
            let (status, _) = try await harness.post("/inference", request)
            #expect(status == 200)
            #expect(await harness.recorder.calls(under: "/ok/").first?.authorization == "Bearer sk-customer-42")
        }
    }

    @Test func missingDynamicCredentialFailsWithoutCallingTheUpstream() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "dynamic_fn", \#(Self.hello)}"#)
            #expect(status == 502)
            #expect((body["error"] as? String)?.contains("Dynamic api key `customer_key` is missing") == true)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func modelNameUsesTheDefaultFunction() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"model_name": "ok_model", \#(Self.hello)}"#)
            #expect(status == 200)
            #expect(body["variant_name"] as? String == "ok_model")
        }
    }

    @Test func anthropicMessagesAPI() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "claude_fn", \#(Self.hello)}"#)
            #expect(status == 200)
            #expect((body["content"] as? [[String: Any]])?.first?["text"] as? String == "hello from claude")
            #expect((body["usage"] as? [String: Any])?["input_tokens"] as? Int == 7)
            let call = await harness.recorder.calls(under: "/anthropic/").first
            #expect(call?.xAPIKey == "sk-static-anthropic")
            #expect(call?.authorization == nil)
            #expect(call?.anthropicVersion == "2023-06-01")
            #expect(call?.body["system"] as? String == "be brief")
            #expect(call?.body["max_tokens"] as? Int == 4096)
        }
    }

    @Test func anthropicGivenEffortAndBudgetTogetherFailsBeforeTheUpstream() async throws {
        try await GatewayHarness.run { harness in
            let params = #""params": {"chat_completion": {"reasoning_effort": "low", "thinking_budget_tokens": 1024}}"#
            let (status, body) = try await harness.post("/inference", #"{"function_name": "claude_fn", \#(params), \#(Self.hello)}"#)
            #expect(status == 502)
            #expect((body["error"] as? String)?.contains("Cannot specify both `reasoning_effort` and `thinking_budget_tokens` for Anthropic") == true)
            #expect(await harness.recorder.calls(under: "/anthropic/").isEmpty)
        }
    }

    @Test func azureDeploymentURLAndAPIKeyHeader() async throws {
        try await GatewayHarness.run { harness in
            let request = #"{"function_name": "azure_fn", "params": {"chat_completion": {"max_tokens": 50, "temperature": 0.5}}, \#(Self.hello)}"#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 200)
            #expect((body["content"] as? [[String: Any]])?.first?["text"] as? String == "hello from azure my-deployment")
            let call = await harness.recorder.calls(under: "/azure/").first
            #expect(call?.apiKey == "azure-static")
            #expect(call?.authorization == nil)
            #expect(call?.body["max_completion_tokens"] as? Int == 50)
            #expect(call?.body["max_tokens"] == nil)
            #expect(call?.body["temperature"] as? Double == 0.5)
        }
    }

    @Test func paramsChatCompletionPenaltiesGoUpstream() async throws {
        try await GatewayHarness.run { harness in
            let request = #"{"function_name": "chat_fn", "params": {"chat_completion": {"presence_penalty": 0.5, "frequency_penalty": -0.3}}, \#(Self.hello)}"#
            let (status, _) = try await harness.post("/inference", request)
            #expect(status == 200)
            let sent = try #require(await harness.recorder.calls(under: "/ok/").first).text
            #expect(sent.contains(#""presence_penalty":0.5"#), "\(sent)")
            #expect(sent.contains(#""frequency_penalty":-0.30000001192092896"#), "\(sent)")
        }
    }

    @Test func paramsChatCompletionReasoningSettingsGoUpstream() async throws {
        try await GatewayHarness.run { harness in
            let params = #""reasoning_effort": "minimal", "service_tier": "priority", "verbosity": "high", "thinking_budget_tokens": 99"#
            let (status, _) = try await harness.post("/inference", #"{"function_name": "chat_fn", "params": {"chat_completion": {\#(params)}}, \#(Self.hello)}"#)
            #expect(status == 200)
            let body = try #require(await harness.recorder.calls(under: "/ok/").first).body
            #expect(body["reasoning_effort"] as? String == "minimal")
            #expect(body["service_tier"] as? String == "priority")
            #expect(body["verbosity"] as? String == "high")
            // OpenAI takes no thinking budget; TensorZero leaves it out with a warning.
            #expect(body["thinking_budget_tokens"] == nil && body["reasoning"] == nil)
        }
    }

    @Test func anUnknownServiceTierIsABadRequestWithTensorZerosListing() async throws {
        try await GatewayHarness.run { harness in
            let request = #"{"function_name": "chat_fn", "params": {"chat_completion": {"service_tier": "bogus"}}, \#(Self.hello)}"#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 400)
            #expect((body["error"] as? String)?.contains("service_tier`: unknown variant `bogus`, expected one of `auto`, `default`, `priority`, `flex`") == true)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func aPenaltyThatIsNotANumberIsABadRequest() async throws {
        try await GatewayHarness.run { harness in
            let request = #"{"function_name": "chat_fn", "params": {"chat_completion": {"presence_penalty": "high"}}, \#(Self.hello)}"#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 400)
            #expect((body["error"] as? String)?.contains("presence_penalty") == true)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func unknownFunctionIs404() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "nope", \#(Self.hello)}"#)
            #expect(status == 404)
            #expect(body["error"] as? String == "Unknown function: nope")
        }
    }

    @Test func allVariantsFailingIs502WithNestedMessage() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "failing_fn", \#(Self.hello)}"#)
            #expect(status == 502)
            let message = body["error"] as? String ?? ""
            #expect(message.hasPrefix("All variants failed with errors: failing_fn_variant: All model providers failed"))
            #expect(message.contains("upstream exploded"))
        }
    }

    @Test func providerTimeoutIsEnforced() async throws {
        try await GatewayHarness.run { harness in
            let clock = ContinuousClock()
            let started = clock.now
            let (status, body) = try await harness.post("/inference", #"{"function_name": "slow_fn", \#(Self.hello)}"#)
            // The upstream answers after 2 s; the 300 ms timeout ends the request first, with room for a loaded machine.
            #expect(clock.now - started < .milliseconds(1900))
            #expect(status == 502)
            #expect((body["error"] as? String)?.contains("timed out due to configured `non_streaming.total_ms` timeout (300ms)") == true)
        }
    }

    @Test func malformedRequestsAre400() async throws {
        try await GatewayHarness.run { harness in
            let (status, body) = try await harness.post("/inference", "{not json")
            #expect(status == 400)
            #expect(body["error"] is String)
            let both = try await harness.post("/inference", #"{"function_name": "chat_fn", "model_name": "ok_model", \#(Self.hello)}"#)
            #expect(both.status == 400)
            #expect(both.body["error"] as? String == "Invalid inference target: Only one of `function_name` or `model_name` can be provided")
            let episode = try await harness.post(
                "/inference", #"{"function_name": "chat_fn", "episode_id": "0f0e9a3c-1d2b-4c5d-8e7f-0123456789ab", \#(Self.hello)}"#
            )
            #expect(episode.status == 400)
            #expect(episode.body["error"] as? String == "Invalid Episode ID: Version must be 7, got 4")
            let tags = try await harness.post("/inference", #"{"function_name": "chat_fn", "tags": {"tensorzero::x": "1"}, \#(Self.hello)}"#)
            #expect(tags.status == 400)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func echoesAGivenEpisodeID() async throws {
        try await GatewayHarness.run { harness in
            let episode = "0192d3a4-5b6c-7d8e-9f01-23456789abcd"
            let (status, body) = try await harness.post("/inference", #"{"function_name": "chat_fn", "episode_id": "\#(episode)", \#(Self.hello)}"#)
            #expect(status == 200)
            #expect(body["episode_id"] as? String == episode)
        }
    }

    @Test func healthAndStatus() async throws {
        try await GatewayHarness.run { harness in
            #expect(try await harness.get("/health").status == 200)
            let status = try await harness.get("/status")
            #expect(status.status == 200)
            #expect(status.body["status"] as? String == "ok")
        }
    }
}
