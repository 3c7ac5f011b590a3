import SwitchyardPlan
import Testing

/// `extra_headers` / `extra_body` on the wire: the variant's entries, then the provider's, then the request's
/// own (by variant, by model and provider, or always), as the loopback upstream received them.
@Suite struct ExtraRequestDataTests {
    static func config(upstreamPort port: Int) -> String {
        GatewayHarness.config(upstreamPort: port) + """

            [models.extra_model]
            routing = ["primary"]

            [models.extra_model.providers.primary]
            type = "openai"
            api_base = "http://127.0.0.1:\(port)/ok/v1/"
            model_name = "extra-wire"
            api_key_location = "env::TEST_OPENAI_KEY"
            extra_headers = [
                { name = "X-Provider", value = "provider" },
                { name = "X-Shared", value = "from-provider" },
                { name = "X-Variant-Only", delete = true },
            ]
            extra_body = [
                { pointer = "/provider_flag", value = true },
                { pointer = "/shared", value = "from-provider" },
                { pointer = "/nested/deep", value = 3 },
                { pointer = "/stream", delete = true },
            ]

            [models.secret_header_model]
            routing = ["proxy"]

            [models.secret_header_model.providers.proxy]
            type = "openai"
            api_base = "http://127.0.0.1:\(port)/ok/v1/"
            model_name = "proxy-wire"
            api_key_location = "env::TEST_OPENAI_KEY"
            extra_headers = [{ name = "X-Proxy-Api-Key", value = "sk-proxy-in-config" }]

            [functions.extra_fn]
            type = "chat"

            [functions.extra_fn.variants.v]
            type = "chat_completion"
            model = "extra_model"
            extra_headers = [
                { name = "X-Variant", value = "variant" },
                { name = "X-Shared", value = "from-variant" },
                { name = "X-Variant-Only", value = "removed by the provider" },
            ]
            extra_body = [
                { pointer = "/variant_flag", value = 1.5 },
                { pointer = "/shared", value = "from-variant" },
                { pointer = "/messages/-", value = { role = "user", content = "appended" } },
            ]

            [functions.secret_header_fn]
            type = "chat"

            [functions.secret_header_fn.variants.v]
            type = "chat_completion"
            model = "secret_header_model"

            """
    }

    static let hello = #""input": {"messages": [{"role": "user", "content": "hi"}]}"#

    @Test func configEntriesGoOnTheWireProviderOverVariant() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            let (status, _) = try await harness.post("/inference", #"{"function_name": "extra_fn", \#(Self.hello)}"#)
            #expect(status == 200)
            let call = try #require(await harness.recorder.calls(under: "/ok/").first)
            #expect(call.headers["x-provider"] == "provider")
            #expect(call.headers["x-variant"] == "variant")
            #expect(call.headers["x-shared"] == "from-provider")
            #expect(call.headers["x-variant-only"] == nil)
            #expect(call.authorization == "Bearer sk-static-openai")
            #expect(call.body["provider_flag"] as? Bool == true)
            #expect(call.body["variant_flag"] as? Double == 1.5)
            #expect(call.body["shared"] as? String == "from-provider")
            #expect((call.body["nested"] as? [String: Any])?["deep"] as? Int == 3)
            #expect(call.body["stream"] == nil)
            #expect(call.body["model"] as? String == "extra-wire")
            let messages = try #require(call.body["messages"] as? [[String: Any]])
            #expect(messages.map { $0["content"] as? String } == ["hi", "appended"])
        }
    }

    @Test func requestEntriesApplyLastAndOnlyWhereTheirScopeMatches() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            let request = #"""
                {"function_name": "extra_fn", \#(Self.hello),
                 "extra_body": [
                    {"pointer": "/always", "value": {"a": [1, 2]}},
                    {"variant_name": "v", "pointer": "/for_v", "value": 1},
                    {"variant_name": "other", "pointer": "/for_other", "value": 1},
                    {"model_name": "extra_model", "provider_name": "primary", "pointer": "/shared", "value": "from-request"},
                    {"model_name": "extra_model", "pointer": "/provider_flag", "delete": true},
                    {"model_name": "chat_model", "pointer": "/not_this_model", "value": 1}
                 ],
                 "extra_headers": [
                    {"name": "X-Request", "value": "request"},
                    {"model_name": "extra_model", "provider_name": "other", "name": "X-Other-Provider", "value": "no"},
                    {"variant_name": "v", "name": "X-Provider", "delete": true}
                 ]}
                """#
            let (status, _) = try await harness.post("/inference", request)
            #expect(status == 200)
            let call = try #require(await harness.recorder.calls(under: "/ok/").first)
            #expect((call.body["always"] as? [String: Any])?["a"] as? [Int] == [1, 2])
            #expect(call.body["for_v"] as? Int == 1)
            #expect(call.body["for_other"] == nil)
            #expect(call.body["shared"] as? String == "from-request")
            #expect(call.body["provider_flag"] == nil)
            #expect(call.body["not_this_model"] == nil)
            #expect(call.headers["x-request"] == "request")
            #expect(call.headers["x-other-provider"] == nil)
            #expect(call.headers["x-provider"] == nil)
            #expect(call.headers["x-variant"] == "variant")
        }
    }

    @Test func theOpenAIEndpointTakesTensorZeroExtras() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            let request = #"""
                {"model": "tensorzero::function_name::extra_fn", "messages": [{"role": "user", "content": "hi"}],
                 "tensorzero::extra_body": [{"pointer": "/from_openai_client", "value": "yes"}],
                 "tensorzero::extra_headers": [{"name": "X-From-Client", "value": "yes"}]}
                """#
            let (status, _) = try await harness.post("/openai/v1/chat/completions", request)
            #expect(status == 200)
            let call = try #require(await harness.recorder.calls(under: "/ok/").first)
            #expect(call.body["from_openai_client"] as? String == "yes")
            #expect(call.headers["x-from-client"] == "yes")
        }
    }

    @Test func malformedRequestEntriesAre400() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            let request = #"{"function_name": "extra_fn", \#(Self.hello), "extra_headers": [{"name": "X-A", "value": 1}]}"#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 400)
            #expect(body["error"] as? String == "Failed to deserialize JSON: `extra_headers[0]`: data did not match any variant of untagged enum ExtraHeader")
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func aBadPointerFailsTheAttemptWithTensorZerosMessage() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            let request = #"{"function_name": "extra_fn", \#(Self.hello), "extra_body": [{"pointer": "no_slash", "value": 1}]}"#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 502)
            #expect((body["error"] as? String)?.contains("Error replacing extra body: `Pointer must start with '/'` with pointer: `no_slash`") == true)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func aHeaderThatMayBeACredentialIsSentButNeverWrittenToThePlan() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            let (status, _) = try await harness.post("/inference", #"{"function_name": "secret_header_fn", \#(Self.hello)}"#)
            #expect(status == 200)
            #expect(await harness.recorder.calls(under: "/ok/").first?.headers["x-proxy-api-key"] == "sk-proxy-in-config")
        }
        let plan = try #require(try GatewayHarness.compile(Self.config(upstreamPort: 1)).plan)
        let json = plan.canonicalJSON
        #expect(!json.contains("sk-proxy-in-config"))
        #expect(json.contains(#""withheld": true"#))
        #expect(json.contains(#""value": "provider""#))
    }
}
