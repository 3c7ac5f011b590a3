import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// AWS Bedrock and SageMaker credential fields (reference §1.3 `providers/aws_common.rs`, conformance
/// cases 112–117, 131, 132, 052).
final class AWSCredentialRulesTests: XCTestCase {
    private func bedrock(_ lines: String, region: Bool = true) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "aws_bedrock"
        model_id = "anthropic.claude-3-haiku"
        \(region ? "region = \"us-east-1\"" : "")
        \(lines)

        """
    }

    private func credentials(_ outcome: CompileOutcome) -> ResolvedCredentials? {
        outcome.plan?.models["m"]?.routing.first?.credentials
    }

    func testAccessKeyWithoutSecretIsAnError() {
        let outcome = compile(bedrock("access_key_id = \"env::AWS_ACCESS_KEY_ID\""), env: ["AWS_ACCESS_KEY_ID": "AKIA"])
        assertDiagnostic(
            outcome, .awsCredentialFields, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::AWS_ACCESS_KEY_ID\""),
            messageContains: ["`access_key_id` requires `secret_access_key` to also be specified for `aws_bedrock`."]
        )
    }

    func testAccessKeyAndSecretFromDifferentSourcesIsAnError() {
        let outcome = compile(
            bedrock("access_key_id = \"env::AWS_ACCESS_KEY_ID\"\nsecret_access_key = \"dynamic::aws_secret\""), env: ["AWS_ACCESS_KEY_ID": "AKIA"]
        )
        assertDiagnostic(
            outcome, .awsCredentialFields, .error, path: "models.m.providers.p", at: outcome.position(of: "\"dynamic::aws_secret\""),
            messageContains: ["`access_key_id` and `secret_access_key` must use the same source type (both `env::`, both `dynamic::`, or both `sdk`) for `aws_bedrock`."]
        )
    }

    func testMatchingKeyPairsAreAcceptedWithTheirStatus() {
        let cases: [(String, [String: String], CredentialStatus)] = [
            ("env::AWS_ACCESS_KEY_ID\"\nsecret_access_key = \"env::AWS_SECRET_ACCESS_KEY", ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"], .available),
            ("dynamic::ak\"\nsecret_access_key = \"dynamic::sk", [:], .perRequest),
            ("sdk\"\nsecret_access_key = \"sdk", [:], .providerSDK),
        ]
        for (pair, env, status) in cases {
            let outcome = compile(bedrock("access_key_id = \"\(pair)\""), env: env)
            assertNoErrors(outcome)
            assertNoDiagnostic(outcome, .awsCredentialFields)
            XCTAssertEqual(credentials(outcome)?.links.map(\.status), [status, status], pair)
            XCTAssertEqual(credentials(outcome)?.links.map(\.field), ["access_key_id", "secret_access_key"], pair)
            XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.authStyle, .awsSigV4)
        }
    }

    func testAPIKeyTogetherWithIAMCredentialsIsAnError() {
        let outcome = compile(bedrock("api_key = \"dynamic::bedrock_key\"\naccess_key_id = \"dynamic::ak\"\nsecret_access_key = \"dynamic::sk\""))
        assertDiagnostic(
            outcome, .awsCredentialFields, .error, path: "models.m.providers.p", at: outcome.position(of: "\"dynamic::bedrock_key\""),
            messageContains: ["Cannot specify both `api_key` and IAM credentials (`access_key_id`/`secret_access_key`) for `aws_bedrock`. Use one or the other."]
        )
        let alone = compile(bedrock("api_key = \"dynamic::bedrock_key\""))
        assertNoDiagnostic(alone, .awsCredentialFields)
        XCTAssertEqual(alone.plan?.models["m"]?.routing.first?.authStyle, .bearer)
    }

    func testKeyFieldWithUnsupportedFormIsAnError() {
        let toml = """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "aws_sagemaker"
        endpoint_name = "ep"
        model_name = "m"
        hosted_provider = "openai"
        region = "us-east-1"
        access_key_id = "path::/keys/aws"
        secret_access_key = "sdk"

        """
        let outcome = compile(toml)
        let found = outcome.diagnostics(.awsCredentialFields).first { $0.message.hasPrefix("Invalid `access_key_id`") }
        XCTAssertEqual(found?.message, "Invalid `access_key_id` for `aws_sagemaker` provider: only `env::`, `dynamic::`, and `sdk` are supported.", outcome.listing)
        XCTAssertEqual(found?.keyPath, "models.m.providers.p")
        XCTAssertEqual(found?.location.map { Position(line: $0.line, column: $0.column) }, outcome.position(of: "\"path::/keys/aws\""))
        XCTAssertNil(outcome.plan)
    }

    func testUnsetKeyVariableIsAnError() {
        let outcome = compile(
            bedrock("access_key_id = \"env::AWS_ACCESS_KEY_ID\"\nsecret_access_key = \"env::AWS_SECRET_ACCESS_KEY\""),
            env: ["AWS_SECRET_ACCESS_KEY": "b"]
        )
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::AWS_ACCESS_KEY_ID\""),
            messageContains: ["Environment variable `AWS_ACCESS_KEY_ID` not found for `access_key_id` in `aws_bedrock`."]
        )
    }

    /// Conformance cases 131/132: a region is required unless auto-detection is asked for.
    func testMissingRegionIsAnError() {
        let outcome = compile(bedrock("", region: false))
        assertDiagnostic(
            outcome, .awsCredentialFields, .error, path: "models.m.providers.p", at: Position(line: 4, column: 1),
            messageContains: ["AWS aws_bedrock provider requires a region.", "region = \"sdk\""]
        )
    }

    func testRegionFromSDKOrAutoDetectionIsAcceptedWhenTheChainFindsOne() {
        for lines in ["region = \"sdk\"", "allow_auto_detect_region = true"] {
            let outcome = compile(bedrock(lines, region: false), env: ["AWS_REGION": "eu-west-1"])
            assertNoDiagnostic(outcome, .awsCredentialFields)
            assertNoErrors(outcome)
            let offline = compile(bedrock(lines, region: false))
            XCTAssertEqual(offline.errors.map(\.code), [.awsRegionUnresolved], offline.listing)
        }
    }

    func testRegionFromUnsetVariableIsAnError() {
        let outcome = compile(bedrock("region = \"env::AWS_REGION\"", region: false))
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p", at: outcome.position(of: "\"env::AWS_REGION\""),
            messageContains: ["`AWS_REGION`", "region"]
        )
        assertNoErrors(compile(bedrock("region = \"env::AWS_REGION\"", region: false), env: ["AWS_REGION": "eu-west-1"]))
    }

    /// §1.3: with nothing configured, Bedrock uses `AWS_BEARER_TOKEN_BEDROCK` when set and non-empty, else
    /// the AWS SDK chain.
    func testBedrockUsesTheBearerTokenVariableWhenSet() {
        let outcome = compile(bedrock(""), env: ["AWS_BEARER_TOKEN_BEDROCK": "token"])
        assertNoErrors(outcome)
        let provider = outcome.plan?.models["m"]?.routing.first
        XCTAssertEqual(provider?.credentials.links.map(\.location), [.env("AWS_BEARER_TOKEN_BEDROCK")])
        XCTAssertEqual(provider?.credentials.links.map(\.status), [.available])
        XCTAssertEqual(provider?.authStyle, .bearer)
    }

    func testBedrockFallsBackToTheSDKChainWhenTheBearerTokenIsUnsetOrEmpty() {
        for env in [[:], ["AWS_BEARER_TOKEN_BEDROCK": ""]] {
            let outcome = compile(bedrock(""), env: env)
            assertNoErrors(outcome)
            let provider = outcome.plan?.models["m"]?.routing.first
            XCTAssertEqual(provider?.credentials.links.map(\.location), [.sdk])
            XCTAssertEqual(provider?.credentials.links.map(\.status), [.providerSDK])
            XCTAssertEqual(provider?.credentials.origin, .builtIn)
            XCTAssertEqual(provider?.authStyle, .awsSigV4)
        }
    }

    func testSagemakerIgnoresTheBedrockBearerToken() {
        let outcome = compile(ProviderFixtures.model(.awsSagemaker), env: ["AWS_BEARER_TOKEN_BEDROCK": "token"])
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.links.map(\.location), [.sdk])
    }
}
