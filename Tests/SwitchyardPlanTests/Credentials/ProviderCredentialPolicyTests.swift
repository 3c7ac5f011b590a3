import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Which credential forms each provider type accepts, exactly as reference §1.3's table says.
final class ProviderCredentialPolicyTests: XCTestCase {
    /// Types whose `api_key_location` accepts `none` (§1.3).
    private static let acceptsNone: Set<ProviderType> = [.openai, .groq, .openrouter, .vllm, .sglang, .tgi, .xai]
    private static let gcp: Set<ProviderType> = [.gcpVertexGemini, .gcpVertexAnthropic]
    private static let aws: Set<ProviderType> = [.awsBedrock, .awsSagemaker]

    private static func accepts(_ type: ProviderType, _ form: CredentialForm) -> Bool {
        if gcp.contains(type) { return [.dynamic, .path, .pathFromEnv, .sdk].contains(form) }
        switch form {
        case .env, .dynamic: return true
        case .none: return acceptsNone.contains(type)
        case .path, .pathFromEnv, .sdk: return false
        }
    }

    /// A location string of `form` that resolves in `setup()`'s scratch folder and environment.
    private static func location(_ form: CredentialForm) -> String {
        switch form {
        case .env: "env::UNIT_CREDENTIAL"
        case .pathFromEnv: "path_from_env::UNIT_CREDENTIAL_PATH"
        case .dynamic: "dynamic::unit_credential"
        case .path: "path::key.json"
        case .sdk: "sdk"
        case .none: "none"
        }
    }

    /// A scratch folder holding a valid service-account key, and an environment in which every form resolves.
    private func setup() -> (ScratchFolder, [String: String]) {
        let scratch = ScratchFolder()
        let key = scratch.write("key.json", KeyFixtures.serviceAccountJSON())
        return (scratch, ["UNIT_CREDENTIAL": "unit-value", "UNIT_CREDENTIAL_PATH": key, "GOOGLE_APPLICATION_CREDENTIALS": key])
    }

    private func rejectionMessage(_ type: ProviderType) -> String {
        let policy = ProviderCredentialPolicy.of(type)
        return Self.gcp.contains(type)
            ? "Error in acquiring GCP credentials: Invalid credential_location for \(policy.startupName) provider"
            : "Invalid api_key_location for"
    }

    func testEveryFormAgainstEveryNonAWSProviderType() {
        for type in ProviderType.allCases where !Self.aws.contains(type) {
            for form in CredentialForm.allCases {
                let (scratch, env) = setup()
                let field = type.credentialField!
                let written = Self.location(form)
                let outcome = compile(ProviderFixtures.model(type, "\(field) = \"\(written)\""), env: env, scratch: scratch)
                let label = "\(type.rawValue) with \(written)"
                if Self.accepts(type, form) {
                    XCTAssertTrue(outcome.errors.isEmpty, "\(label) must be accepted:\n\(outcome.listing)")
                    XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.links.map(\.location.description), [written], label)
                } else {
                    let found = assertDiagnostic(
                        outcome, .credentialFormRejected, .error, path: "models.m.providers.p", at: outcome.position(of: "\"\(written)\""),
                        messageContains: [rejectionMessage(type)]
                    )
                    XCTAssertNotNil(found, "\(label) must be rejected")
                    XCTAssertNil(outcome.plan, label)
                }
            }
        }
    }

    func testFallbackObjectsAreAcceptedWhenBothSidesAreAcceptedForms() {
        for type in ProviderType.allCases where !Self.aws.contains(type) {
            let (scratch, env) = setup()
            let accepted = CredentialForm.allCases.first { Self.accepts(type, $0) && $0 != .dynamic }!
            let written = "{ default = \"dynamic::unit_credential\", fallback = \"\(Self.location(accepted))\" }"
            let outcome = compile(ProviderFixtures.model(type, "\(type.credentialField!) = \(written)"), env: env, scratch: scratch)
            XCTAssertTrue(outcome.errors.isEmpty, "\(type.rawValue) with \(written):\n\(outcome.listing)")
            let links = outcome.plan?.models["m"]?.routing.first?.credentials.links
            XCTAssertEqual(links?.map(\.role), [.default, .fallback], type.rawValue)
            XCTAssertEqual(links?.map(\.status).first, .perRequest, type.rawValue)
        }
    }

    func testFallbackObjectWithARejectedSideIsRejectedAtThatSide() {
        for type in ProviderType.allCases where !Self.aws.contains(type) {
            let (scratch, env) = setup()
            let rejected = CredentialForm.allCases.first { !Self.accepts(type, $0) }!
            let written = "{ default = \"dynamic::unit_credential\", fallback = \"\(Self.location(rejected))\" }"
            let outcome = compile(ProviderFixtures.model(type, "\(type.credentialField!) = \(written)"), env: env, scratch: scratch)
            assertDiagnostic(
                outcome, .credentialFormRejected, .error, path: "models.m.providers.p",
                at: outcome.position(of: "\"\(Self.location(rejected))\""), messageContains: [rejectionMessage(type)]
            )
        }
    }

    /// AWS types take no `api_key_location`; their key fields accept `env::`, `dynamic::` and `sdk` (§1.3).
    func testAWSKeyPairFormsForBothAWSTypes() {
        for type in Self.aws {
            for form in CredentialForm.allCases {
                let (scratch, env) = setup()
                let written = Self.location(form)
                let pair = "access_key_id = \"\(written)\"\nsecret_access_key = \"\(written)\""
                let outcome = compile(ProviderFixtures.model(type, pair), env: env, scratch: scratch)
                let label = "\(type.rawValue) with \(written)"
                if [.env, .dynamic, .sdk].contains(form) {
                    XCTAssertTrue(outcome.errors.isEmpty, "\(label) must be accepted:\n\(outcome.listing)")
                } else {
                    let forms = outcome.diagnostics(.awsCredentialFields).filter { $0.message.contains("only `env::`, `dynamic::`, and `sdk` are supported") }
                    XCTAssertEqual(forms.count, 2, "\(label): both fields are rejected\n\(outcome.listing)")
                    XCTAssertEqual(forms.first?.location.map { Position(line: $0.line, column: $0.column) }, outcome.position(of: "\"\(written)\""), label)
                    XCTAssertNil(outcome.plan, label)
                }
            }
        }
    }

    func testAWSTypesRejectAPIKeyLocation() {
        for type in Self.aws {
            let outcome = compile(ProviderFixtures.model(type, "api_key_location = \"env::X\""))
            assertDiagnostic(
                outcome, .unknownField, .error, path: "models.m.providers.p.api_key_location",
                at: outcome.position(of: "api_key_location"), messageContains: ["unknown field `api_key_location`"]
            )
        }
    }

    func testAWSKeyFieldsRejectFallbackObjects() {
        for type in Self.aws {
            let outcome = compile(ProviderFixtures.model(
                type, "access_key_id = \"dynamic::a\"\nsecret_access_key = { default = \"dynamic::b\", fallback = \"env::B\" }"
            ))
            assertDiagnostic(
                outcome, .wrongType, .error, path: "models.m.providers.p.secret_access_key", at: outcome.position(of: "{ default"),
                messageContains: ["expected a string", "found table"]
            )
        }
    }

    func testBedrockAPIKeyAcceptsOnlyEnvAndDynamic() {
        for form in CredentialForm.allCases {
            let (scratch, env) = setup()
            let written = Self.location(form)
            let outcome = compile(ProviderFixtures.model(.awsBedrock, "api_key = \"\(written)\""), env: env, scratch: scratch)
            if form == .env || form == .dynamic {
                XCTAssertTrue(outcome.errors.isEmpty, "api_key = \(written):\n\(outcome.listing)")
                XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.authStyle, .bearer)
            } else {
                assertDiagnostic(
                    outcome, .awsCredentialFields, .error, path: "models.m.providers.p", at: outcome.position(of: "\"\(written)\""),
                    messageContains: ["Invalid `api_key` for `aws_bedrock` provider"]
                )
            }
        }
    }

    func testSagemakerHasNoAPIKeyField() {
        let outcome = compile(ProviderFixtures.model(.awsSagemaker, "api_key = \"dynamic::k\""))
        assertDiagnostic(
            outcome, .unknownField, .error, path: "models.m.providers.p.api_key", at: outcome.position(of: "api_key ="),
            messageContains: ["unknown field `api_key`"]
        )
    }

    /// Conformance cases 103, 105, 106, 124: the rejection names the provider as its module does (`DeepSeek`),
    /// unlike the startup `ApiKeyMissing` message (`Deepseek`).
    func testRejectionMessagesNameTheProviderAsTensorZeroDoes() {
        let cases: [(ProviderType, String, String)] = [
            (.openai, "path::key.json", "Invalid api_key_location for OpenAI provider"),
            (.anthropic, "none", "Invalid api_key_location for Anthropic provider"),
            (.azure, "none", "Invalid api_key_location for Azure provider"),
            (.deepseek, "none", "Invalid api_key_location for DeepSeek provider"),
            (.gcpVertexGemini, "env::X", "Error in acquiring GCP credentials: Invalid credential_location for GCPVertexGemini provider"),
            (.gcpVertexAnthropic, "none", "Error in acquiring GCP credentials: Invalid credential_location for GCPVertexAnthropic provider"),
        ]
        for (type, written, message) in cases {
            let (scratch, env) = setup()
            let outcome = compile(ProviderFixtures.model(type, "\(type.credentialField!) = \"\(written)\""), env: env, scratch: scratch)
            XCTAssertEqual(outcome.diagnostics(.credentialFormRejected).map(\.message), [message], "\(type.rawValue) with \(written)")
        }
    }

    func testPolicyTableMatchesTheReference() {
        for type in ProviderType.allCases where !Self.aws.contains(type) {
            let policy = ProviderCredentialPolicy.of(type)
            XCTAssertEqual(policy.acceptedForms, Set(CredentialForm.allCases.filter { Self.accepts(type, $0) }), type.rawValue)
        }
        XCTAssertEqual(ProviderCredentialPolicy.of(.xai).noneBehaviour, .failsEveryRequest)
        for type in Self.acceptsNone where type != .xai {
            XCTAssertEqual(ProviderCredentialPolicy.of(type).noneBehaviour, .noAuthentication, type.rawValue)
        }
    }
}
