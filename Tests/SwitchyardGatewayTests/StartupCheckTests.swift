import SwitchyardConfig
import SwitchyardGateway
import Testing

/// What stops the gateway from starting on a config `check` accepts.
@Suite struct StartupCheckTests {
    @Test func unsupportedProviderTypesRefuseTheStart() throws {
        let toml = """
            [models.claude]
            routing = ["bedrock"]

            [models.claude.providers.bedrock]
            type = "aws_bedrock"
            model_id = "anthropic.claude-3-haiku"
            region = "us-east-1"

            [functions.f]
            type = "chat"

            [functions.f.variants.v]
            type = "chat_completion"
            model = "claude"
            """
        let compilation = try GatewayHarness.compile(toml, environment: Environment([:]))
        guard let plan = compilation.plan else {
            Issue.record("config did not compile: \(compilation.diagnostics.map(\.description))")
            return
        }
        let check = GatewayStartupCheck(plan: plan, environment: Environment([:]))
        #expect(!check.canStart)
        #expect(check.errors.count == 1)
        #expect(check.errors.first?.hasPrefix("models.claude.providers.bedrock: provider type `aws_bedrock` is not served") == true)
    }

    @Test func theTestConfigCanStart() throws {
        let compilation = try GatewayHarness.compile(GatewayHarness.config(upstreamPort: 1))
        guard let plan = compilation.plan else {
            Issue.record("config did not compile: \(compilation.diagnostics.map(\.description))")
            return
        }
        let check = GatewayStartupCheck(plan: plan, environment: GatewayHarness.environment)
        #expect(check.canStart)
        #expect(check.warnings.isEmpty)
    }
}
