import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// GCP service-account key files are parsed at startup (reference §1.3 notes; conformance cases 009, 121,
/// 123): JSON with `private_key_id`, `private_key` (RSA) and `client_email`.
final class GCPKeyFileCheckTests: XCTestCase {
    private func gemini(_ location: String) -> String {
        ProviderFixtures.model(.gcpVertexGemini, "credential_location = \"\(location)\"")
    }

    func testValidKeyFileIsAccepted() {
        let outcome = compile(gemini("path::sa.json"), files: ["sa.json": KeyFixtures.serviceAccountJSON()])
        assertNoErrors(outcome)
        assertNoDiagnostic(outcome, .gcpCredentialFile)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.links.map(\.status), [.available])
    }

    func testValidKeyFileThroughPathFromEnvIsAccepted() {
        let scratch = ScratchFolder()
        let key = scratch.write("sa.json", KeyFixtures.serviceAccountJSON())
        let outcome = compile(gemini("path_from_env::SA_PATH"), env: ["SA_PATH": key], scratch: scratch)
        assertNoErrors(outcome)
    }

    func testKeyFileMissingAFieldIsAnError() {
        for field in ["private_key_id", "private_key", "client_email"] {
            let outcome = compile(gemini("path::sa.json"), files: ["sa.json": KeyFixtures.serviceAccountJSON(omitting: field)])
            assertDiagnostic(
                outcome, .gcpCredentialFile, .error, path: "models.m.providers.p", at: outcome.position(of: "\"path::sa.json\""),
                messageContains: ["Failed to load GCP credentials", field]
            )
        }
    }

    func testKeyFileWithANonRSAKeyIsAnError() {
        let outcome = compile(gemini("path::sa.json"), files: ["sa.json": KeyFixtures.serviceAccountJSON(privateKey: KeyFixtures.ecPrivateKeyPEM)])
        assertDiagnostic(
            outcome, .gcpCredentialFile, .error, path: "models.m.providers.p", at: outcome.position(of: "\"path::sa.json\""),
            messageContains: ["private_key", "failed to parse as RSA"]
        )
    }

    func testKeyFileThatIsNotJSONIsAnError() {
        let outcome = compile(gemini("path::sa.json"), files: ["sa.json": "this is not json"])
        assertDiagnostic(
            outcome, .gcpCredentialFile, .error, path: "models.m.providers.p", at: outcome.position(of: "\"path::sa.json\""),
            messageContains: ["Failed to load GCP credentials"]
        )
    }

    func testMalformedKeyThroughPathFromEnvIsAnError() {
        let scratch = ScratchFolder()
        let key = scratch.write("sa.json", KeyFixtures.serviceAccountJSON(omitting: "client_email"))
        let outcome = compile(gemini("path_from_env::SA_PATH"), env: ["SA_PATH": key], scratch: scratch)
        assertDiagnostic(
            outcome, .gcpCredentialFile, .error, path: "models.m.providers.p", at: outcome.position(of: "\"path_from_env::SA_PATH\""),
            messageContains: ["client_email"]
        )
    }

    func testUnreadableKeyPathIsAnError() {
        let outcome = compile(gemini("path::missing.json"))
        assertDiagnostic(
            outcome, .credentialFileUnreadable, .error, path: "models.m.providers.p", at: outcome.position(of: "\"path::missing.json\""),
            messageContains: ["API key missing for provider GCPVertexGemini: Failed to read credentials file - No such file or directory (os error 2)"]
        )
        assertNoDiagnostic(outcome, .gcpCredentialFile)
    }

    func testPathFromEnvNamingAMissingFileIsAnError() {
        let scratch = ScratchFolder()
        let outcome = compile(gemini("path_from_env::SA_PATH"), env: ["SA_PATH": scratch.absolute("gone.json")], scratch: scratch)
        assertDiagnostic(
            outcome, .credentialFileUnreadable, .error, path: "models.m.providers.p", at: outcome.position(of: "\"path_from_env::SA_PATH\""),
            messageContains: ["Failed to read credentials file - No such file or directory (os error 2)"]
        )
    }

    func testDirectoryAsKeyPathIsAnError() {
        let scratch = ScratchFolder()
        scratch.write("keys/readme.txt", "")
        let outcome = compile(gemini("path::keys"), scratch: scratch)
        XCTAssertEqual(outcome.diagnostics(.credentialFileUnreadable).count, 1, outcome.listing)
    }

    /// README: `sdk` is accepted when Application Default Credentials exist, an error otherwise.
    func testSDKWithoutApplicationDefaultCredentialsIsAnError() {
        let outcome = compile(gemini("sdk"))
        assertDiagnostic(
            outcome, .credentialFileUnreadable, .error, path: "models.m.providers.p", at: outcome.position(of: "\"sdk\""),
            messageContains: ["Error in acquiring GCP credentials"]
        )
    }

    func testSDKWithUnreadableGoogleApplicationCredentialsIsAnError() {
        let outcome = compile(gemini("sdk"), env: ["GOOGLE_APPLICATION_CREDENTIALS": "/nonexistent/adc.json"])
        assertDiagnostic(
            outcome, .credentialFileUnreadable, .error, path: "models.m.providers.p", at: outcome.position(of: "\"sdk\""),
            messageContains: ["GOOGLE_APPLICATION_CREDENTIALS"]
        )
    }

    func testSDKWithApplicationDefaultCredentialsIsAccepted() {
        let scratch = ScratchFolder()
        let adc = scratch.write("adc.json", KeyFixtures.serviceAccountJSON())
        assertNoErrors(compile(gemini("sdk"), env: ["GOOGLE_APPLICATION_CREDENTIALS": adc], scratch: scratch))
        let home = ScratchFolder()
        home.write(".config/gcloud/application_default_credentials.json", "{}")
        let wellKnown = compile(gemini("sdk"), env: ["HOME": home.path])
        assertNoErrors(wellKnown)
        XCTAssertEqual(wellKnown.plan?.models["m"]?.routing.first?.credentials.links.map(\.status), [.providerSDK])
    }

    func testDynamicGCPCredentialIsNotReadAtStartup() {
        let outcome = compile(gemini("dynamic::gcp_token"))
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.credentials.links.map(\.status), [.perRequest])
    }

    func testRSAKeyStructureRecognisesOnlyRSAPrivateKeys() {
        XCTAssertTrue(RSAKeyStructure.isRSAPrivateKey(pem: KeyFixtures.rsaPrivateKeyPEM))
        XCTAssertFalse(RSAKeyStructure.isRSAPrivateKey(pem: KeyFixtures.ecPrivateKeyPEM))
        XCTAssertFalse(RSAKeyStructure.isRSAPrivateKey(pem: "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"))
        XCTAssertFalse(RSAKeyStructure.isRSAPrivateKey(pem: "not a pem"))
    }

    func testKeyFileProblemIsDescribedWithoutTheKey() {
        let data = Data(KeyFixtures.serviceAccountJSON(privateKey: KeyFixtures.ecPrivateKeyPEM).utf8)
        let problem = GCPKeyFileCheck.problem(inKeyFile: data)
        XCTAssertNotNil(problem)
        XCTAssertFalse(problem?.contains("BEGIN") ?? true)
        XCTAssertNil(GCPKeyFileCheck.problem(inKeyFile: Data(KeyFixtures.serviceAccountJSON().utf8)))
    }
}
