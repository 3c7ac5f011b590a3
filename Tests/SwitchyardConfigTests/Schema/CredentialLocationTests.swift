import XCTest
@testable import SwitchyardConfig

/// Credential location strings and `{ default, fallback }` objects (reference §1.1).
final class CredentialLocationTests: XCTestCase {
    func testEveryFormParsesByPrefix() {
        XCTAssertEqual(CredentialLocation(parsing: "env::OPENAI_API_KEY"), .env("OPENAI_API_KEY"))
        XCTAssertEqual(CredentialLocation(parsing: "path_from_env::GCP_PATH"), .pathFromEnv("GCP_PATH"))
        XCTAssertEqual(CredentialLocation(parsing: "dynamic::customer_key"), .dynamic("customer_key"))
        XCTAssertEqual(CredentialLocation(parsing: "path::/etc/key"), .path("/etc/key"))
        XCTAssertEqual(CredentialLocation(parsing: "sdk"), .sdk)
        XCTAssertEqual(CredentialLocation(parsing: "none"), CredentialLocation.none)
    }

    func testNearMissesAreNotLocations() {
        for text in ["env:OPENAI_API_KEY", "ENV::X", "SDK", "none ", " sdk", "Sdk", "file::x", "OPENAI_API_KEY", ""] {
            XCTAssertNil(CredentialLocation(parsing: text), text)
        }
    }

    func testLocationsPrintAsWritten() {
        for text in ["env::A", "path_from_env::B", "dynamic::c", "path::d.json", "sdk", "none"] {
            XCTAssertEqual(CredentialLocation(parsing: text)?.description, text)
        }
    }

    private func openAI(_ location: String) -> String {
        "[models.m]\nrouting = [\"p\"]\n\n[models.m.providers.p]\ntype = \"openai\"\nmodel_name = \"x\"\napi_key_location = \(location)\n"
    }

    /// Conformance case 109: `env:` with one colon is not a location.
    func testMalformedLocationIsRejectedWithTensorZerosMessage() {
        let outcome = loadConfig(openAI("\"env:OPENAI_API_KEY\""))
        assertSchemaDiagnostic(
            outcome, .invalidCredentialLocation, path: "models.m.providers.p.api_key_location", at: outcome.position(of: "\"env:OPENAI"),
            messageContains: ["Invalid credential location format: `env:OPENAI_API_KEY`. Use `env::VAR_NAME`, `path::FILE_PATH`, `dynamic::KEY_NAME`, or `sdk`."]
        )
    }

    func testWellFormedLocationIsRead() {
        let outcome = loadConfig(openAI("\"env::OPENAI_API_KEY\""))
        assertClean(outcome)
        XCTAssertEqual(outcome.config.models.first?.providers.first?.credential?.locations.map(\.value), [.env("OPENAI_API_KEY")])
    }

    func testFallbackObjectIsRead() {
        let outcome = loadConfig(openAI("{ default = \"dynamic::k\", fallback = \"env::OPENAI_API_KEY\" }"))
        assertClean(outcome)
        XCTAssertEqual(outcome.config.models.first?.providers.first?.credential?.locations.map(\.value), [.dynamic("k"), .env("OPENAI_API_KEY")])
    }

    /// Conformance case 110.
    func testFallbackObjectMissingASideIsRejected() {
        for (present, missing) in [("default", "fallback"), ("fallback", "default")] {
            let outcome = loadConfig(openAI("{ \(present) = \"dynamic::k\" }"))
            assertSchemaDiagnostic(
                outcome, .missingField, path: "models.m.providers.p.api_key_location", at: outcome.position(of: "{ "),
                messageContains: ["missing field `\(missing)`"]
            )
        }
    }

    /// Conformance case 111.
    func testFallbackObjectWithAnUnknownKeyIsRejected() {
        let outcome = loadConfig(openAI("{ default = \"dynamic::k\", fallback = \"none\", backup = \"env::B\" }"))
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "models.m.providers.p.api_key_location.backup", at: outcome.position(of: "backup"),
            messageContains: ["unknown field `backup`, expected `default` or `fallback`"]
        )
    }

    func testMalformedSideOfAFallbackObjectIsRejected() {
        let outcome = loadConfig(openAI("{ default = \"dynamic::k\", fallback = \"env:B\" }"))
        assertSchemaDiagnostic(
            outcome, .invalidCredentialLocation, path: "models.m.providers.p.api_key_location.fallback", at: outcome.position(of: "\"env:B\""),
            messageContains: ["Invalid credential location format: `env:B`"]
        )
    }

    func testLocationOfTheWrongTypeIsRejected() {
        let outcome = loadConfig(openAI("5"))
        assertSchemaDiagnostic(
            outcome, .wrongType, path: "models.m.providers.p.api_key_location", at: outcome.position(of: "5"),
            messageContains: ["expected a string or an object with 'default' and 'fallback' fields, found integer"]
        )
    }

    /// Conformance case 117: AWS key fields take a string only.
    func testAWSKeyFieldRejectsAFallbackObject() {
        let outcome = loadConfig("""
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "aws_bedrock"
        model_id = "claude"
        access_key_id = "dynamic::a"
        secret_access_key = { default = "dynamic::b", fallback = "env::B" }

        """)
        assertSchemaDiagnostic(
            outcome, .wrongType, path: "models.m.providers.p.secret_access_key", at: outcome.position(of: "{ default"),
            messageContains: ["expected a string, found table"]
        )
    }
}
