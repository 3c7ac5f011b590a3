import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan
import Testing

/// `serve --plan`: a plan read back from its JSON routes exactly as the compiled config does.
@Suite struct PlanServingTests {
    /// Requests over every routing shape of the harness config, each with a fixed episode.
    static let requests: [(path: String, body: String)] = {
        let input = #""input": {"system": "s", "messages": [{"role": "user", "content": "hi"}]}"#
        var requests: [(String, String)] = []
        for (index, function) in ["chat_fn", "fallback_fn", "failing_fn", "dynamic_fn", "slow_fn", "claude_fn", "azure_fn", "unknown_fn"].enumerated() {
            let episode = "0192e0a4-7c3e-7f00-8000-00000000000\(index)"
            requests.append(("/inference", #"{"function_name": "\#(function)", "episode_id": "\#(episode)", \#(input)}"#))
        }
        requests.append(("/inference", #"{"function_name": "dynamic_fn", "credentials": {"customer_key": "sk-c"}, \#(input)}"#))
        requests.append(("/inference", #"{"model_name": "ok_model", \#(input)}"#))
        requests.append(("/inference", #"{"model_name": "openai::gpt-4o-mini", \#(input)}"#))
        requests.append(("/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::fallback_fn", "messages": [{"role": "user", "content": "hi"}]}"#))
        return requests
    }()

    /// What each request got back and what reached the upstream, in order.
    static func transcript(preparePlan: @escaping @Sendable (RoutingPlan, Int) throws -> RoutingPlan) async throws -> [String] {
        let lines = LinesBox()
        try await GatewayHarness.run(preparePlan: preparePlan) { harness in
            for request in requests {
                let (status, body) = try await harness.post(request.path, request.body)
                let served = (body["content"] as? [[String: Any]])?.first?["text"] as? String
                    ?? ((body["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String
                let error = body["error"] as? String ?? ((body["error"] as? [String: Any])?["message"] as? String)
                await lines.append("\(request.body) -> \(status) variant=\(body["variant_name"] ?? "-") served=\(served ?? "-") error=\(error ?? "-")")
            }
            for call in await harness.recorder.calls {
                await lines.append("upstream \(call.path) auth=\(call.authorization ?? call.xAPIKey ?? call.apiKey ?? "-") model=\(call.body["model"] ?? "-")")
            }
        }
        return await lines.lines
    }

    @Test func aPlanReadBackFromJSONRoutesLikeTheConfig() async throws {
        let compiled = try await Self.transcript { plan, _ in plan }
        let readBack = try await Self.transcript { plan, _ in
            try PlanFile.decode(Array(plan.canonicalJSON.utf8), path: "plan.json")
        }
        #expect(compiled.count > Self.requests.count)
        #expect(compiled == readBack)
    }

    @Test func aWithheldValueThePlanDoesNotHoldRefusesTheStart() throws {
        let plan = try #require(try GatewayHarness.compile(ExtraRequestDataTests.config(upstreamPort: 1)).plan)
        #expect(GatewayStartupCheck(plan: plan, environment: GatewayHarness.environment).canStart)
        let readBack = try PlanFile.decode(Array(plan.canonicalJSON.utf8), path: "plan.json")
        let check = GatewayStartupCheck(plan: readBack, environment: GatewayHarness.environment)
        #expect(check.errors == [
            "models.secret_header_model.providers.proxy.extra_headers: the value for `X-Proxy-Api-Key` may be a credential, so plan files never hold it; serve this config with --config",
        ])
    }
}

/// Lines collected across tasks.
actor LinesBox {
    private(set) var lines: [String] = []

    func append(_ line: String) { lines.append(line) }
}
