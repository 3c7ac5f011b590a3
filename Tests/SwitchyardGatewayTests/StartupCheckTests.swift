import SwitchyardConfig
import SwitchyardGateway
import Testing

/// What stops the gateway from starting on a config `check` accepts.
@Suite struct StartupCheckTests {
    @Test func anEndpointVariableUnsetInThisEnvironmentRefusesTheStart() throws {
        let toml = """
            [models.azure_model]
            routing = ["azure"]

            [models.azure_model.providers.azure]
            type = "azure"
            endpoint = "env::AZURE_ENDPOINT"
            deployment_id = "d"
            api_key_location = "dynamic::azure_key"

            [functions.f]
            type = "chat"

            [functions.f.variants.v]
            type = "chat_completion"
            model = "azure_model"
            """
        let compilation = try GatewayHarness.compile(toml, environment: Environment(["AZURE_ENDPOINT": "http://127.0.0.1:1"]))
        guard let plan = compilation.plan else {
            Issue.record("config did not compile: \(compilation.diagnostics.map(\.description))")
            return
        }
        #expect(GatewayStartupCheck(plan: plan, environment: Environment(["AZURE_ENDPOINT": "http://127.0.0.1:1"])).canStart)
        let check = GatewayStartupCheck(plan: plan, environment: Environment([:]))
        #expect(check.errors == ["models.azure_model.providers.azure: endpoint environment variable `AZURE_ENDPOINT` is not set"])
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
