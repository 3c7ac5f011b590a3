import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// What `check` says about an AWS provider that relies on the SDK chain, a `region = "sdk"` and an
/// `endpoint_url` location.
final class AWSChainStartupTests: XCTestCase {
    private func bedrock(_ lines: String) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "aws_bedrock"
        model_id = "anthropic.claude-3-haiku"
        \(lines)

        """
    }

    func testAChainThatFindsNothingIsAWarningNamingTheFileAndProvider() {
        let scratch = ScratchFolder()
        let path = scratch.write("credentials", "[default]\noops\n")
        let outcome = compile(bedrock("region = \"us-east-1\""), env: ["AWS_SHARED_CREDENTIALS_FILE": path])
        XCTAssertNotNil(outcome.plan, outcome.listing)
        let warning = outcome.diagnostics(.awsCredentialChain).first
        XCTAssertEqual(warning?.severity, .warning)
        XCTAssertEqual(warning?.keyPath, "models.m.providers.p")
        XCTAssertTrue(warning?.message.contains("`\(path)` is malformed at line 2") == true, outcome.listing)
    }

    func testAWorkingChainSaysNothing() {
        let outcome = compile(bedrock("region = \"us-east-1\""), env: ["AWS_ACCESS_KEY_ID": "AKIA", "AWS_SECRET_ACCESS_KEY": "s"])
        XCTAssertTrue(outcome.diagnostics(.awsCredentialChain).isEmpty, outcome.listing)
    }

    func testRegionSDKWithoutARegionAnywhereIsAnError() {
        let outcome = compile(bedrock("region = \"sdk\""), env: ["AWS_ACCESS_KEY_ID": "AKIA", "AWS_SECRET_ACCESS_KEY": "s"])
        XCTAssertNil(outcome.plan)
        XCTAssertEqual(outcome.diagnostics(.awsRegionUnresolved).first?.keyPath, "models.m.providers.p", outcome.listing)
        let resolved = compile(bedrock("region = \"sdk\""), env: ["AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "AKIA", "AWS_SECRET_ACCESS_KEY": "s"])
        XCTAssertNotNil(resolved.plan, resolved.listing)
    }

    func testEndpointURLLocations() {
        let missing = compile(bedrock("region = \"us-east-1\"\nendpoint_url = \"env::BEDROCK_URL\"\napi_key = \"dynamic::k\""))
        XCTAssertTrue(missing.errors.contains { $0.message == "Environment variable `BEDROCK_URL` not found. Your configuration for a `aws_bedrock` provider requires this variable for `endpoint_url`." }, missing.listing)
        let sdk = compile(bedrock("region = \"us-east-1\"\nendpoint_url = \"sdk\"\napi_key = \"dynamic::k\""))
        XCTAssertTrue(sdk.errors.contains { $0.message.hasPrefix("`endpoint_url = \"sdk\"` is not supported for `aws_bedrock`.") }, sdk.listing)
        let dynamic = compile(bedrock("region = \"us-east-1\"\nendpoint_url = \"dynamic::url\"\napi_key = \"dynamic::k\""))
        XCTAssertNotNil(dynamic.plan, dynamic.listing)
        XCTAssertEqual(dynamic.plan?.models["m"]?.routing.first.map { $0.dynamicSettings.map(\.key) }, ["url"])
    }

    func testSessionTokenAloneIsAnError() {
        let outcome = compile(bedrock("region = \"us-east-1\"\nsession_token = \"env::T\""), env: ["T": "t"])
        XCTAssertTrue(outcome.errors.contains { $0.message == "`session_token` cannot be specified without `access_key_id` and `secret_access_key` for `aws_bedrock`." }, outcome.listing)
    }
}
