import SwitchyardGateway
import Testing

/// Dynamic credentials come from the request body only, as in TensorZero: headers that look like provider keys
/// (including the gateway's own bearer token) are never sent upstream nor taken as a `dynamic::` key.
@Suite struct ProviderCredentialHeadersTests {
    static let canary = "sk-header-canary-5e1d"
    static let headers = [
        ("authorization", "Bearer \(canary)"), ("x-api-key", canary), ("api-key", canary), ("openai-api-key", canary),
        ("customer_key", canary), ("x-customer-key", canary), ("x-tensorzero-credentials", #"{"customer_key": "\#(canary)"}"#),
    ]
    static let input = #""input": {"messages": [{"role": "user", "content": "hi"}]}"#

    @Test func aDynamicKeyInHeadersOnlyIsStillMissing() async throws {
        try await GatewayHarness.run { harness async throws in
            let (status, body) = try await harness.post("/inference", #"{"function_name": "dynamic_fn", \#(Self.input)}"#, headers: Self.headers)
            #expect(status == 502)
            #expect((body["error"] as? String)?.contains("Dynamic api key `customer_key` is missing") == true)
            let openAI = try await harness.post(
                "/openai/v1/chat/completions",
                #"{"model": "tensorzero::model_name::dynamic_model", "messages": [{"role": "user", "content": "hi"}]}"#, headers: Self.headers
            )
            #expect(openAI.status == 502)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func headersNeverReachTheUpstream() async throws {
        try await GatewayHarness.run(accessTokens: AccessTokens([.init(Self.canary)])) { harness async throws in
            #expect(try await harness.post("/inference", #"{"function_name": "chat_fn", \#(Self.input)}"#, headers: Self.headers).status == 200)
            let body = #"{"function_name": "dynamic_fn", "credentials": {"customer_key": "sk-from-body"}, \#(Self.input)}"#
            #expect(try await harness.post("/inference", body, headers: Self.headers).status == 200)
            let calls = await harness.recorder.calls
            #expect(calls.map(\.authorization) == ["Bearer sk-static-openai", "Bearer sk-from-body"])
            #expect(!calls.contains { call in call.headers.values.contains { $0.contains(Self.canary) } })
        }
    }
}
