import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// How each provider's credential is checked at startup (reference §1.2) and where the effective setting
/// comes from (provider field, then `[provider_types.T.defaults]`, then the built-in default; §1.4).
final class ProviderCredentialResolverTests: XCTestCase {
    private func links(_ outcome: CompileOutcome, model: String = "m") -> [CredentialLink] {
        outcome.plan?.model(named: model)?.routing.first?.credentials.links ?? []
    }

    func testSetEnvironmentVariableIsAvailable() {
        let outcome = compile(ProviderFixtures.model(.openai, "api_key_location = \"env::MY_OPENAI_KEY\""), env: ["MY_OPENAI_KEY": "sk"])
        assertNoErrors(outcome)
        XCTAssertEqual(links(outcome).map(\.status), [.available])
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.origin, .provider)
    }

    /// An empty value counts as set (conformance case 026).
    func testEmptyEnvironmentVariableCountsAsSet() {
        let outcome = compile(ProviderFixtures.model(.openai, "api_key_location = \"env::MY_OPENAI_KEY\""), env: ["MY_OPENAI_KEY": ""])
        assertNoErrors(outcome)
    }

    func testUnsetEnvironmentVariableIsAnErrorNamingTheVariableAndProvider() {
        let outcome = compile(ProviderFixtures.model(.openai, "api_key_location = \"env::MY_OPENAI_KEY\""))
        let found = assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::MY_OPENAI_KEY\""),
            messageContains: ["API key missing for provider OpenAI: Environment variable `MY_OPENAI_KEY` is missing"]
        )
        XCTAssertEqual(found?.fullMessage, "`models.m.providers.p`: API key missing for provider OpenAI: Environment variable `MY_OPENAI_KEY` is missing")
        XCTAssertNil(outcome.plan)
    }

    /// The built-in default variable of every API-key provider type (§1.3) is checked at startup, and the
    /// error uses the type's startup name (§1.2; conformance cases 101, 118–120, 134, 135).
    func testBuiltInDefaultVariableOfEveryAPIKeyTypeIsRequired() {
        let defaults: [(ProviderType, String, String)] = [
            (.openai, "OPENAI_API_KEY", "OpenAI"), (.anthropic, "ANTHROPIC_API_KEY", "Anthropic"),
            (.azure, "AZURE_API_KEY", "Azure"), (.deepseek, "DEEPSEEK_API_KEY", "Deepseek"),
            (.fireworks, "FIREWORKS_API_KEY", "Fireworks"), (.googleAIStudioGemini, "GOOGLE_AI_STUDIO_API_KEY", "GoogleAIStudioGemini"),
            (.groq, "GROQ_API_KEY", "Groq"), (.hyperbolic, "HYPERBOLIC_API_KEY", "Hyperbolic"), (.mistral, "MISTRAL_API_KEY", "Mistral"),
            (.openrouter, "OPENROUTER_API_KEY", "OpenRouter"), (.together, "TOGETHER_API_KEY", "Together"), (.xai, "XAI_API_KEY", "XAI"),
            (.vllm, "VLLM_API_KEY", "VLLM"), (.sglang, "SGLANG_API_KEY", "SGLang"), (.tgi, "TGI_API_KEY", "TGI"),
        ]
        XCTAssertEqual(Set(defaults.map(\.0)), Set(ProviderType.allCases.filter { $0.credentialField == "api_key_location" }))
        for (type, variable, name) in defaults {
            let missing = compile(ProviderFixtures.model(type))
            assertDiagnostic(
                missing, .environmentVariableMissing, .error, path: "models.m.providers.p", at: Position(line: 4, column: 1),
                messageContains: ["API key missing for provider \(name): Environment variable `\(variable)` is missing"]
            )
            let present = compile(ProviderFixtures.model(type), env: [variable: "value"])
            assertNoErrors(present)
            XCTAssertEqual(links(present).map(\.location), [.env(variable)], type.rawValue)
            XCTAssertEqual(present.plan?.models["m"]?.routing.first?.credentials.origin, .builtIn, type.rawValue)
        }
    }

    /// GCP's default is `path_from_env::GCP_VERTEX_CREDENTIALS_PATH` (§1.3, conformance case 122).
    func testGCPDefaultPathVariableUnsetIsAnError() {
        for (type, name) in [(ProviderType.gcpVertexGemini, "GCPVertexGemini"), (.gcpVertexAnthropic, "GCPVertexAnthropic")] {
            let outcome = compile(ProviderFixtures.model(type))
            assertDiagnostic(
                outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: Position(line: 4, column: 1),
                messageContains: ["API key missing for provider \(name): Environment variable `GCP_VERTEX_CREDENTIALS_PATH` for credentials path is missing"]
            )
        }
    }

    func testGCPDefaultPathVariablePointingAtAValidKeyIsAvailable() {
        let scratch = ScratchFolder()
        let key = scratch.write("sa.json", KeyFixtures.serviceAccountJSON())
        let outcome = compile(ProviderFixtures.model(.gcpVertexGemini), env: ["GCP_VERTEX_CREDENTIALS_PATH": key], scratch: scratch)
        assertNoErrors(outcome)
        XCTAssertEqual(links(outcome).map(\.status), [.available])
        XCTAssertEqual(links(outcome).map(\.location), [.pathFromEnv("GCP_VERTEX_CREDENTIALS_PATH")])
    }

    private let fallbackBothEnv = "api_key_location = { default = \"env::PRIMARY_KEY\", fallback = \"env::BACKUP_KEY\" }"

    /// §1.2: both sides of a fallback object are loaded eagerly, so either side's variable must be set.
    func testFallbackObjectWithUnsetFallbackVariableIsAnError() {
        let outcome = compile(ProviderFixtures.model(.openai, fallbackBothEnv), env: ["PRIMARY_KEY": "a"])
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::BACKUP_KEY\""),
            messageContains: ["Environment variable `BACKUP_KEY` is missing"]
        )
    }

    func testFallbackObjectWithUnsetDefaultVariableIsAnError() {
        let outcome = compile(ProviderFixtures.model(.openai, fallbackBothEnv), env: ["BACKUP_KEY": "b"])
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::PRIMARY_KEY\""),
            messageContains: ["Environment variable `PRIMARY_KEY` is missing"]
        )
    }

    func testFallbackObjectWithBothVariablesSetIsAvailableOnBothSides() {
        let outcome = compile(ProviderFixtures.model(.openai, fallbackBothEnv), env: ["PRIMARY_KEY": "a", "BACKUP_KEY": "b"])
        assertNoErrors(outcome)
        XCTAssertEqual(links(outcome).map(\.role), [.default, .fallback])
        XCTAssertEqual(links(outcome).map(\.status), [.available, .available])
    }

    func testDynamicDefaultWithEnvFallbackStillChecksTheFallback() {
        let toml = ProviderFixtures.model(.openai, "api_key_location = { default = \"dynamic::customer_key\", fallback = \"env::OPENAI_API_KEY\" }")
        let missing = compile(toml)
        assertDiagnostic(
            missing, .environmentVariableMissing, .error, path: "models.m.providers.p", at: missing.position(of: "\"env::OPENAI_API_KEY\""),
            messageContains: ["`OPENAI_API_KEY`"]
        )
        let present = compile(toml, env: ["OPENAI_API_KEY": "sk"])
        XCTAssertEqual(links(present).map(\.status), [.perRequest, .available])
    }

    func testDynamicIsResolvedPerRequest() {
        let outcome = compile(ProviderFixtures.model(.anthropic, "api_key_location = \"dynamic::customer_key\""))
        assertNoErrors(outcome)
        XCTAssertEqual(links(outcome).map(\.status), [.perRequest])
    }

    func testNoneSendsNoCredential() {
        let outcome = compile(ProviderFixtures.model(.openai, "api_key_location = \"none\""))
        assertNoErrors(outcome)
        XCTAssertEqual(links(outcome).map(\.status), [.noCredential])
    }

    // MARK: - [provider_types.T.defaults]

    private let teamDefaults = "[provider_types.openai.defaults]\napi_key_location = \"env::TEAM_OPENAI_KEY\"\n\n"

    /// Conformance case 129: the default applies to an explicit provider without the field, at load.
    func testProviderTypeDefaultsApplyToAnExplicitProviderWithoutTheField() {
        let toml = teamDefaults + ProviderFixtures.model(.openai)
        let present = compile(toml, env: ["TEAM_OPENAI_KEY": "sk"])
        assertNoErrors(present)
        XCTAssertEqual(links(present).map(\.location), [.env("TEAM_OPENAI_KEY")])
        XCTAssertEqual(present.plan?.models["m"]?.routing.first?.credentials.origin, .providerTypeDefaults)
        let missing = compile(toml, env: ["OPENAI_API_KEY": "sk"])
        assertDiagnostic(
            missing, .environmentVariableMissing, .error, path: "models.m.providers.p", at: missing.position(of: "\"env::TEAM_OPENAI_KEY\""),
            messageContains: ["API key missing for provider OpenAI: Environment variable `TEAM_OPENAI_KEY` is missing"]
        )
    }

    /// Conformance case 056: an explicit field wins over `[provider_types]`.
    func testExplicitFieldWinsOverProviderTypeDefaults() {
        let outcome = compile(teamDefaults + ProviderFixtures.model(.openai, "api_key_location = \"env::MY_OPENAI_KEY\""), env: ["MY_OPENAI_KEY": "sk"])
        assertNoErrors(outcome)
        XCTAssertEqual(links(outcome).map(\.location), [.env("MY_OPENAI_KEY")])
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.origin, .provider)
    }

    func testProviderTypeDefaultsForAnotherTypeDoNotApply() {
        let outcome = compile(
            "[provider_types.anthropic.defaults]\napi_key_location = \"dynamic::k\"\n\n" + ProviderFixtures.model(.openai),
            env: ["OPENAI_API_KEY": "sk"]
        )
        XCTAssertEqual(links(outcome).map(\.location), [.env("OPENAI_API_KEY")])
    }

    /// Conformance case 128: GCP rejects `env::` also when it comes from `[provider_types]`.
    func testProviderTypeDefaultsAreCheckedAgainstTheTypesAcceptedForms() {
        let toml = "[provider_types.gcp_vertex_gemini.defaults]\ncredential_location = \"env::GCP_KEY\"\n\n" + ProviderFixtures.model(.gcpVertexGemini)
        let outcome = compile(toml, env: ["GCP_KEY": "x"])
        assertDiagnostic(
            outcome, .credentialFormRejected, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::GCP_KEY\""),
            messageContains: ["Invalid credential_location for GCPVertexGemini provider"]
        )
    }

    // MARK: - Shorthand models

    private func shorthandFunction(_ model: String = "openai::gpt-4o-mini") -> String {
        """
        [functions.answer]
        type = "chat"

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "\(model)"

        """
    }

    func testShorthandCredentialIsCheckedOnFirstUse() {
        let outcome = compile(shorthandFunction(), env: ["OPENAI_API_KEY": "sk"])
        assertNoErrors(outcome)
        XCTAssertTrue(outcome.diagnostics.isEmpty, outcome.listing)
        let plan = outcome.plan?.shorthandModels["openai::gpt-4o-mini"]
        XCTAssertEqual(plan?.routing.first?.credentials.links.map(\.status), [.checkedOnFirstUse])
        XCTAssertEqual(plan?.routing.first?.credentials.links.map(\.location), [.env("OPENAI_API_KEY")])
        XCTAssertEqual(outcome.plan?.credentials["env::OPENAI_API_KEY"]?.status, .checkedOnFirstUse)
    }

    /// §1.2: TensorZero only fails on a shorthand's first request, so an unset variable is a warning.
    func testShorthandWithUnsetVariableIsAWarningNotAnError() {
        let outcome = compile(shorthandFunction())
        assertDiagnostic(
            outcome, .shorthandCredentialLazy, .warning, path: "functions.answer.variants.alpha",
            at: outcome.position(of: "\"openai::gpt-4o-mini\""), messageContains: ["openai::gpt-4o-mini", "`OPENAI_API_KEY`"]
        )
        assertNoDiagnostic(outcome, .environmentVariableMissing)
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.shorthandModels["openai::gpt-4o-mini"]?.routing.first?.credentials.links.map(\.status), [.checkedOnFirstUse])
    }

    /// Conformance case 127: a `[provider_types]` default used only by shorthands is not resolved at load.
    func testProviderTypeDefaultsApplyToShorthandModels() {
        let outcome = compile(teamDefaults + shorthandFunction())
        assertNoErrors(outcome)
        assertDiagnostic(
            outcome, .shorthandCredentialLazy, .warning, path: "functions.answer.variants.alpha",
            at: outcome.position(of: "\"openai::gpt-4o-mini\""), messageContains: ["`TEAM_OPENAI_KEY`"]
        )
        let credentials = outcome.plan?.shorthandModels["openai::gpt-4o-mini"]?.routing.first?.credentials
        XCTAssertEqual(credentials?.origin, .providerTypeDefaults)
        XCTAssertEqual(credentials?.links.map(\.location), [.env("TEAM_OPENAI_KEY")])
    }

    func testShorthandWithDynamicDefaultIsPerRequest() {
        let outcome = compile("[provider_types.openai.defaults]\napi_key_location = \"dynamic::customer_key\"\n\n" + shorthandFunction())
        assertNoErrors(outcome)
        XCTAssertTrue(outcome.diagnostics.isEmpty, outcome.listing)
        XCTAssertEqual(outcome.plan?.shorthandModels["openai::gpt-4o-mini"]?.routing.first?.credentials.links.map(\.status), [.perRequest])
    }

    func testResponsesShorthandSelectsTheResponsesAPI() {
        let outcome = compile(shorthandFunction("openai::responses::gpt-5"), env: ["OPENAI_API_KEY": "sk"])
        let provider = outcome.plan?.shorthandModels["openai::responses::gpt-5"]?.routing.first
        XCTAssertEqual(provider?.wireModel, "gpt-5")
        XCTAssertEqual(provider?.settings["api_type"], "responses")
    }

    /// Relative `path::` files resolve against the working directory, not the config's folder (conformance 055).
    func testRelativePathResolvesAgainstTheWorkingDirectory() {
        let scratch = ScratchFolder()
        scratch.write("config/sa.json", KeyFixtures.serviceAccountJSON())
        let toml = ProviderFixtures.model(.gcpVertexGemini, "credential_location = \"path::sa.json\"")
        let configPath = scratch.write("config/tensorzero.toml", toml)
        let inConfigFolder = Compiler.compile(ConfigLoader.load(configPath), environment: Environment(["HOME": scratch.path]), workingDirectory: scratch.path)
        XCTAssertEqual(inConfigFolder.diagnostics.filter { $0.severity == .error }.map(\.code), [.credentialFileUnreadable],
                       inConfigFolder.diagnostics.map(\.description).joined(separator: "\n"))
        scratch.write("sa.json", KeyFixtures.serviceAccountJSON())
        let inWorkingDirectory = Compiler.compile(ConfigLoader.load(configPath), environment: Environment(["HOME": scratch.path]), workingDirectory: scratch.path)
        XCTAssertFalse(inWorkingDirectory.diagnostics.hasErrors, inWorkingDirectory.diagnostics.map(\.description).joined(separator: "\n"))
    }
}
