import SwitchyardConfig
import SwitchyardGateway
import Testing

/// What stops the gateway from starting on a config `check` accepts.
@Suite struct StartupCheckTests {
    @Test func unsupportedProviderTypesRefuseTheStart() throws {
        let toml = """
            [models.gemini]
            routing = ["google"]

            [models.gemini.providers.google]
            type = "google_ai_studio_gemini"
            model_name = "gemini-2.0-flash"
            api_key_location = "env::GOOGLE_KEY"

            [functions.f]
            type = "chat"

            [functions.f.variants.v]
            type = "chat_completion"
            model = "gemini"
            """
        let compilation = try GatewayHarness.compile(toml, environment: Environment(["GOOGLE_KEY": "k"]))
        guard let plan = compilation.plan else {
            Issue.record("config did not compile: \(compilation.diagnostics.map(\.description))")
            return
        }
        let check = GatewayStartupCheck(plan: plan, environment: Environment(["GOOGLE_KEY": "k"]))
        #expect(!check.canStart)
        #expect(check.errors.count == 1)
        #expect(check.errors.first?.hasPrefix("models.gemini.providers.google: provider type `google_ai_studio_gemini` is not served") == true)
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
