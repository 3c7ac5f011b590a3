import XCTest
@testable import SwitchyardConfig

/// `[models.M.providers.P]`: a known `type`, its required fields, no unknown fields (reference §2.2).
final class ProviderConfigTests: XCTestCase {
    func testUnknownProviderFieldIsRejectedWithTheTypesFields() {
        let outcome = loadConfig(SchemaFixtures.provider(.openai, fields: SchemaFixtures.requiredFields(.openai), extra: "enable_agi = true"))
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "models.m.providers.p.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `model_name`, `api_base`, `api_key_location`, `api_type`, `include_encrypted_reasoning`, `provider_tools`, `content_type_overrides`"]
        )
    }

    func testFieldOfAnotherProviderTypeIsUnknown() {
        let outcome = loadConfig(SchemaFixtures.provider(.openai, fields: SchemaFixtures.requiredFields(.openai), extra: "deployment_id = \"x\""))
        assertSchemaDiagnostic(outcome, .unknownField, path: "models.m.providers.p.deployment_id", at: outcome.position(of: "deployment_id"), messageContains: ["unknown field `deployment_id`"])
    }

    func testCommonProviderFieldsAreAcceptedForEveryType() {
        for type in ProviderType.allCases {
            let outcome = loadConfig(SchemaFixtures.provider(type, fields: SchemaFixtures.requiredFields(type), extra: """
            discard_unknown_chunks = true
            timeouts = { non_streaming = { total_ms = 1000 } }
            extra_headers = [{ name = "X-A", value = "1" }, { name = "X-B", delete = true }]
            extra_body = [{ pointer = "/a", value = 1 }]
            """))
            assertClean(outcome)
            let provider = outcome.config.models.first?.providers.first
            XCTAssertEqual(provider?.extraHeaders.map(\.target), ["X-A", "X-B"], type.rawValue)
            XCTAssertEqual(provider?.extraHeaders.map { $0.value != nil }, [true, false], type.rawValue)
            XCTAssertEqual(provider?.extraBody.map(\.target), ["/a"], type.rawValue)
        }
    }

    func testMissingTypeIsRejected() {
        let outcome = loadConfig("[models.m]\nrouting = [\"p\"]\n\n[models.m.providers.p]\nmodel_name = \"x\"\n")
        assertSchemaDiagnostic(outcome, .missingField, path: "models.m.providers.p", at: outcome.position(of: "[models.m.providers.p]"), messageContains: ["missing field `type`"])
    }

    func testUnknownProviderTypeIsRejectedWithTensorZerosListing() {
        for name in ["openai_compatible", "dummy"] {
            let outcome = loadConfig("[models.m]\nrouting = [\"p\"]\n\n[models.m.providers.p]\ntype = \"\(name)\"\n")
            assertSchemaDiagnostic(
                outcome, .invalidValue, path: "models.m.providers.p", at: outcome.position(of: "\"\(name)\""),
                messageContains: ["unknown variant `\(name)`, expected one of `anthropic`, `aws_bedrock`, `aws_sagemaker`, `azure`, `gcp_vertex_anthropic`, `gcp_vertex_gemini`, `google_ai_studio_gemini`, `groq`, `hyperbolic`, `fireworks`, `mistral`, `openai`, `openrouter`, `together`, `vllm`, `xai`, `tgi`, `sglang`, `deepseek`"]
            )
        }
    }

    /// Every required field of every provider type (§2.2), one at a time.
    func testEachRequiredFieldIsRequired() {
        for type in ProviderType.allCases {
            let all = SchemaFixtures.requiredFields(type)
            assertClean(loadConfig(SchemaFixtures.provider(type, fields: all)))
            for (field, _) in all where !(type == .gcpVertexGemini && field == "model_id") {
                let outcome = loadConfig(SchemaFixtures.provider(type, fields: all.filter { $0.0 != field }))
                assertSchemaDiagnostic(
                    outcome, .missingField, path: "models.m.providers.p", at: outcome.position(of: "[models.m.providers.p]"),
                    messageContains: ["missing field `\(field)`"]
                )
            }
        }
    }

    func testRequiredFieldsMatchTheReference() {
        let expected: [ProviderType: Set<String>] = [
            .azure: ["deployment_id", "endpoint"], .awsBedrock: ["model_id"], .awsSagemaker: ["endpoint_name", "model_name", "hosted_provider"],
            .gcpVertexGemini: ["location", "project_id"], .gcpVertexAnthropic: ["model_id", "location", "project_id"],
            .vllm: ["model_name", "api_base"], .sglang: ["model_name", "api_base"], .tgi: ["api_base"],
        ]
        for type in ProviderType.allCases {
            XCTAssertEqual(Set(type.requiredFields), expected[type] ?? ["model_name"], type.rawValue)
        }
    }

    /// Conformance case 252: Gemini needs exactly one of `model_id` / `endpoint_id`.
    func testGeminiWithoutModelIDOrEndpointIDIsRejected() {
        let outcome = loadConfig(SchemaFixtures.provider(.gcpVertexGemini, fields: [("location", "\"us-central1\""), ("project_id", "\"p\"")]))
        assertSchemaDiagnostic(
            outcome, .missingField, path: "models.m.providers.p", at: outcome.position(of: "[models.m.providers.p]"),
            messageContains: ["exactly one of `model_id` or `endpoint_id` must be provided"]
        )
        assertClean(loadConfig(SchemaFixtures.provider(.gcpVertexGemini, fields: [("location", "\"l\""), ("project_id", "\"p\""), ("endpoint_id", "\"1\"")])))
    }

    func testBadEnumValuesAreRejected() {
        let apiType = loadConfig(SchemaFixtures.provider(.openai, fields: SchemaFixtures.requiredFields(.openai), extra: "api_type = \"completions\""))
        assertSchemaDiagnostic(
            apiType, .invalidValue, path: "models.m.providers.p.api_type", at: apiType.position(of: "\"completions\""),
            messageContains: ["unknown variant `completions`, expected `chat_completions` or `responses`"]
        )
        let hosted = loadConfig(SchemaFixtures.provider(.awsSagemaker, fields: [("endpoint_name", "\"ep\""), ("model_name", "\"m\""), ("hosted_provider", "\"vllm\"")]))
        assertSchemaDiagnostic(
            hosted, .invalidValue, path: "models.m.providers.p.hosted_provider", at: hosted.position(of: "\"vllm\""),
            messageContains: ["unknown variant `vllm`, expected `openai` or `tgi`"]
        )
    }

    func testWrongTypesAreRejected() {
        let cases: [(ProviderType, String, String, String)] = [
            (.openai, "model_name = 5", "model_name", "expected a string, found integer"),
            (.openai, "discard_unknown_chunks = \"yes\"", "discard_unknown_chunks", "expected a boolean, found string"),
            (.openai, "include_encrypted_reasoning = 1", "include_encrypted_reasoning", "expected a boolean, found integer"),
            (.openai, "extra_body = { pointer = \"/a\", value = 1 }", "extra_body", "expected a sequence, found table"),
            (.openai, "timeouts = 5", "timeouts", "expected a table, found integer"),
        ]
        for (type, line, field, message) in cases {
            let fields = SchemaFixtures.requiredFields(type).filter { $0.0 != field }
            let outcome = loadConfig(SchemaFixtures.provider(type, fields: fields, extra: line))
            let value = String(line[line.index(line.firstIndex(of: "=")!, offsetBy: 2)...])
            assertSchemaDiagnostic(outcome, .wrongType, path: "models.m.providers.p.\(field)", at: outcome.position(of: value), messageContains: [message])
        }
    }

    func testExtraHeaderNeedsExactlyOneOfValueOrDelete() {
        for entry in ["{ name = \"X-A\" }", "{ name = \"X-A\", value = \"1\", delete = true }"] {
            let outcome = loadConfig(SchemaFixtures.provider(.openai, fields: SchemaFixtures.requiredFields(.openai), extra: "extra_headers = [\(entry)]"))
            assertSchemaDiagnostic(
                outcome, .invalidValue, path: "models.m.providers.p.extra_headers[0]", at: outcome.position(of: entry),
                messageContains: ["exactly one of `value` or `delete = true`"]
            )
        }
    }

    func testProviderNamesAndFieldsAreKept() {
        let outcome = loadConfig(SchemaFixtures.provider(.azure, fields: SchemaFixtures.requiredFields(.azure)))
        let provider = outcome.config.models.first?.providers.first
        XCTAssertEqual(provider?.type, .azure)
        XCTAssertEqual(provider?.path, "models.m.providers.p")
        XCTAssertEqual(provider?.string("deployment_id"), "gpt")
    }
}
