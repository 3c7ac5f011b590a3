import XCTest
@testable import SwitchyardConfig

/// `[provider_types.T.defaults]` (reference §1.4; conformance cases 046, 047, 125, 126, 269).
final class ProviderTypeDefaultsTests: XCTestCase {
    func testDefaultsAreReadForEveryTypeWithSettings() {
        for type in ProviderType.allCases where type.hasProviderTypeSettings {
            let field = type.credentialField!
            let outcome = loadConfig("[provider_types.\(type.rawValue).defaults]\n\(field) = \"dynamic::k\"\n")
            assertClean(outcome)
            XCTAssertEqual(outcome.config.providerTypeDefaults[type]?.credential.locations.map(\.value), [.dynamic("k")], type.rawValue)
        }
    }

    func testDefaultsAcceptAFallbackObject() {
        let outcome = loadConfig("[provider_types.openai.defaults]\napi_key_location = { default = \"dynamic::k\", fallback = \"env::OPENAI_API_KEY\" }\n")
        assertClean(outcome)
        XCTAssertEqual(outcome.config.providerTypeDefaults[.openai]?.credential.locations.count, 2)
    }

    func testUnknownProviderTypeIsRejectedWithTheAcceptedList() {
        let outcome = loadConfig("[provider_types.aws_bedrock.defaults]\napi_key_location = \"env::X\"\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "provider_types.aws_bedrock", at: outcome.position(of: "aws_bedrock"),
            messageContains: ["unknown field `aws_bedrock`, expected one of `anthropic`, `azure`, `deepseek`, `fireworks`, `gcp_vertex_gemini`, `gcp_vertex_anthropic`, `google_ai_studio_gemini`, `groq`, `hyperbolic`, `mistral`, `openai`, `openrouter`, `sglang`, `tgi`, `together`, `vllm`, `xai`"]
        )
    }

    func testDefaultsTableRequiresItsLocationField() {
        let openai = loadConfig("[provider_types.openai.defaults]\n")
        assertSchemaDiagnostic(openai, .missingField, path: "provider_types.openai.defaults", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `api_key_location`"])
        let gcp = loadConfig("[provider_types.gcp_vertex_anthropic.defaults]\n")
        assertSchemaDiagnostic(gcp, .missingField, path: "provider_types.gcp_vertex_anthropic.defaults", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `credential_location`"])
    }

    func testGCPSettingsDenyUnknownKeys() {
        let outcome = loadConfig("[provider_types.gcp_vertex_gemini]\nenable_agi = true\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "provider_types.gcp_vertex_gemini.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `batch`, `sft`, `defaults`"]
        )
        let defaults = loadConfig("[provider_types.gcp_vertex_gemini.defaults]\ncredential_location = \"sdk\"\nenable_agi = true\n")
        assertSchemaDiagnostic(
            defaults, .unknownField, path: "provider_types.gcp_vertex_gemini.defaults.enable_agi", at: defaults.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`"]
        )
        assertClean(loadConfig("[provider_types.gcp_vertex_gemini.batch]\nbucket = \"b\"\n[provider_types.gcp_vertex_gemini.sft]\nregion = \"r\"\n"))
    }

    func testSimpleTypeSettingsIgnoreUnknownKeys() {
        assertClean(loadConfig("[provider_types.openai]\nenable_agi = true\n"))
        assertClean(loadConfig("[provider_types.openai.defaults]\napi_key_location = \"env::K\"\nenable_agi = true\n"))
    }

    func testMalformedDefaultLocationIsRejected() {
        let outcome = loadConfig("[provider_types.openai.defaults]\napi_key_location = \"env:K\"\n")
        assertSchemaDiagnostic(
            outcome, .invalidCredentialLocation, path: "provider_types.openai.defaults.api_key_location", at: outcome.position(of: "\"env:K\""),
            messageContains: ["Invalid credential location format: `env:K`"]
        )
    }
}
