import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Credential settings that load but surprise users: vLLM/SGLang/TGI defaults, `none` on xAI, and the
/// Azure legacy variable (reference §1.3, Appendix A.3).
final class CredentialWarningsTests: XCTestCase {
    private let selfHosted: [(ProviderType, String)] = [(.vllm, "VLLM_API_KEY"), (.sglang, "SGLANG_API_KEY"), (.tgi, "TGI_API_KEY")]

    /// Without `api_key_location`, TensorZero's code reads `VLLM_API_KEY` & co. (its docs say `none`):
    /// a warning always, and the startup error when the variable is unset.
    func testSelfHostedProviderWithoutKeyLocationWarnsAndFailsWhenTheVariableIsUnset() {
        for (type, variable) in selfHosted {
            let outcome = compile(ProviderFixtures.model(type))
            assertDiagnostic(
                outcome, .defaultCredentialDocsMismatch, .warning, path: "models.m.providers.p", at: Position(line: 4, column: 1),
                messageContains: ["`\(variable)`", "none"]
            )
            assertDiagnostic(
                outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: Position(line: 4, column: 1),
                messageContains: ["Environment variable `\(variable)` is missing"]
            )
        }
    }

    func testSelfHostedProviderWithoutKeyLocationOnlyWarnsWhenTheVariableIsSet() {
        for (type, variable) in selfHosted {
            let outcome = compile(ProviderFixtures.model(type), env: [variable: "token"])
            XCTAssertEqual(outcome.diagnostics(.defaultCredentialDocsMismatch).count, 1, outcome.listing)
            assertNoErrors(outcome)
        }
    }

    func testSelfHostedProviderWithExplicitKeyLocationHasNoWarning() {
        for (type, _) in selfHosted {
            let outcome = compile(ProviderFixtures.model(type, "api_key_location = \"none\""))
            assertNoDiagnostic(outcome, .defaultCredentialDocsMismatch)
            assertNoErrors(outcome)
            XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.links.map(\.status), [.noCredential])
        }
    }

    func testNoneOnXAIWarnsThatEveryRequestFails() {
        let outcome = compile(ProviderFixtures.model(.xai, "api_key_location = \"none\""))
        assertDiagnostic(
            outcome, .credentialNoneFailsRequests, .warning, path: "models.m.providers.p", at: outcome.position(of: "\"none\""),
            messageContains: ["xai", "No credentials are set"]
        )
        assertNoErrors(outcome)
    }

    func testNoneAsXAIFallbackAlsoWarns() {
        let outcome = compile(ProviderFixtures.model(.xai, "api_key_location = { default = \"dynamic::k\", fallback = \"none\" }"))
        XCTAssertEqual(outcome.diagnostics(.credentialNoneFailsRequests).count, 1, outcome.listing)
        assertNoErrors(outcome)
    }

    func testNoneOnNoAuthenticationTypesDoesNotWarn() {
        for type in [ProviderType.openai, .groq, .openrouter, .vllm, .sglang, .tgi] {
            let outcome = compile(ProviderFixtures.model(type, "api_key_location = \"none\""))
            assertNoDiagnostic(outcome, .credentialNoneFailsRequests)
        }
        let withKey = compile(ProviderFixtures.model(.xai, "api_key_location = \"dynamic::k\""))
        assertNoDiagnostic(withKey, .credentialNoneFailsRequests)
    }

    // MARK: - Azure legacy AZURE_OPENAI_API_KEY

    func testAzureLegacyVariableIsUsedWithAWarningWhenAzureAPIKeyIsUnset() {
        let outcome = compile(ProviderFixtures.model(.azure), env: ["AZURE_OPENAI_API_KEY": "legacy"])
        assertDiagnostic(
            outcome, .azureLegacyKey, .warning, path: "models.m.providers.p", at: Position(line: 4, column: 1),
            messageContains: ["AZURE_OPENAI_API_KEY", "AZURE_API_KEY"]
        )
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.links.map(\.status), [.available])
    }

    func testAzureLegacyVariableIsIgnoredWhenAzureAPIKeyIsSet() {
        let outcome = compile(ProviderFixtures.model(.azure), env: ["AZURE_API_KEY": "new", "AZURE_OPENAI_API_KEY": "legacy"])
        assertNoDiagnostic(outcome, .azureLegacyKey)
        assertNoErrors(outcome)
    }

    func testAzureWithNeitherVariableIsAnError() {
        let outcome = compile(ProviderFixtures.model(.azure))
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: Position(line: 4, column: 1),
            messageContains: ["API key missing for provider Azure: Environment variable `AZURE_API_KEY` is missing"]
        )
        assertNoDiagnostic(outcome, .azureLegacyKey)
    }

    /// §1.3: the legacy fallback applies only when the effective location is the built-in default; a
    /// location the user wrote is loaded as written.
    func testAzureLegacyVariableIsNotUsedForAnExplicitLocation() {
        let outcome = compile(ProviderFixtures.model(.azure, "api_key_location = \"env::AZURE_API_KEY\""), env: ["AZURE_OPENAI_API_KEY": "legacy"])
        assertNoDiagnostic(outcome, .azureLegacyKey)
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::AZURE_API_KEY\""),
            messageContains: ["Environment variable `AZURE_API_KEY` is missing"]
        )
    }

    func testAzureLegacyVariableIsNotUsedForOtherLocations() {
        let outcome = compile(ProviderFixtures.model(.azure, "api_key_location = \"env::TEAM_AZURE_KEY\""), env: ["AZURE_OPENAI_API_KEY": "legacy"])
        assertNoDiagnostic(outcome, .azureLegacyKey)
        XCTAssertEqual(outcome.diagnostics(.environmentVariableMissing).count, 1, outcome.listing)
    }
}
