import Hummingbird
@testable import SwitchyardGateway
import SwitchyardConfig
import Testing

/// The gateway with `--auth-tokens-*`: every route but `/health` and `/status` requires a token; refusals are
/// 401s with TensorZero's messages in each endpoint's error shape, and reach no upstream.
@Suite struct BearerAuthenticationTests {
    static let token = "sk-gateway-7f3a9c2e51d04b88"
    static let tokens = AccessTokens([Secret("sk-gateway-other-token"), Secret(token)])
    static let inference = #"{"function_name": "chat_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#
    static let openAI = #"{"model": "tensorzero::function_name::chat_fn", "messages": [{"role": "user", "content": "hi"}]}"#
    static let prefix = "TensorZero authentication error: Error performing authentication: "

    @Test func theRightTokenIsServedOnBothEndpoints() async throws {
        try await GatewayHarness.run(accessTokens: Self.tokens) { harness async throws in
            let bearer = [("authorization", "Bearer \(Self.token)")]
            #expect(try await harness.post("/inference", Self.inference, headers: bearer).status == 200)
            #expect(try await harness.post("/openai/v1/chat/completions", Self.openAI, headers: bearer).status == 200)
            #expect(try await harness.get("/metrics", headers: bearer).status == 200)
            #expect(await harness.recorder.calls.count == 2)
        }
    }

    @Test(arguments: [
        (nil, "Authorization header is required"),
        ("Bearer sk-gateway-7f3a9c2e51d04b89", "Provided API key is not one of the gateway's tokens"),
        ("Bearer  \(token)", "Provided API key is not one of the gateway's tokens"),
        ("bearer \(token)", "Authorization header must start with 'Bearer '"),
        ("Basic dXNlcjpwYXNz", "Authorization header must start with 'Bearer '"),
        (token, "Authorization header must start with 'Bearer '"),
    ] as [(String?, String)])
    func anythingElseIsRefusedBeforeAnUpstreamIsCalled(_ header: String?, _ reason: String) async throws {
        try await GatewayHarness.run(accessTokens: Self.tokens) { harness async throws in
            let headers = header.map { [("authorization", $0)] } ?? []
            let inference = try await harness.post("/inference", Self.inference, headers: headers)
            #expect(inference.status == 401)
            #expect(inference.body["error"] as? String == Self.prefix + reason)
            let openAI = try await harness.post("/openai/v1/chat/completions", Self.openAI, headers: headers)
            #expect(openAI.status == 401)
            #expect((openAI.body["error"] as? [String: Any])?["message"] as? String == Self.prefix + reason)
            let metrics = try await harness.get("/metrics", headers: headers)
            #expect(metrics.status == 401)
            #expect(await harness.recorder.calls.isEmpty)
        }
    }

    @Test func healthAndStatusStayOpen() async throws {
        try await GatewayHarness.run(accessTokens: Self.tokens) { harness async throws in
            #expect(try await harness.get("/health").status == 200)
            #expect(try await harness.get("/status").status == 200)
        }
    }

    @Test func aHeaderThatIsNotVisibleASCIIIsInvalidAndAnEmptyTokenMatchesNone() {
        let authentication = BearerAuthentication<BasicRequestContext>(tokens: Self.tokens)
        #expect(authentication.refusal("Bearer tök") == "Invalid authorization header: failed to convert header to a str")
        #expect(authentication.refusal("Bearer ") == "Provided API key is not one of the gateway's tokens")
        #expect(authentication.refusal("Bearer \(Self.token)") == nil)
    }

    @Test func withoutTokensEveryRouteIsOpen() async throws {
        try await GatewayHarness.run { harness async throws in
            #expect(try await harness.post("/inference", Self.inference).status == 200)
            #expect(try await harness.get("/metrics").status == 200)
        }
    }

    @Test func noTokenEverReachesTheLog() async throws {
        let capture = LogCapture()
        try await GatewayHarness.run(logger: capture.logger(), accessTokens: Self.tokens) { harness async throws in
            _ = try await harness.post("/inference", Self.inference, headers: [("authorization", "Bearer \(Self.token)")])
            _ = try await harness.post("/inference", Self.inference, headers: [("authorization", "Bearer sk-gateway-wrong-guess")])
            _ = try await harness.post("/inference", Self.inference, headers: [("authorization", "Basic sk-gateway-wrong-basic")])
        }
        #expect(capture.lines.count > 0)
        #expect(!capture.lines.contains { $0.message.contains("sk-gateway") })
    }
}
