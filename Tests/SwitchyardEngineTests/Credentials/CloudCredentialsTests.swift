import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// Cloud credentials at request time: GCP's broader fallback rule, AWS key pairs and `dynamic::` settings.
final class CloudCredentialsTests: XCTestCase {
    private func vertex(_ credential: String, routing: String = "[\"vertex\", \"backup\"]") -> String {
        """
        [models.m]
        routing = \(routing)

        [models.m.providers.vertex]
        type = "gcp_vertex_gemini"
        model_id = "gemini-2.5-flash"
        location = "us-central1"
        project_id = "p"
        credential_location = \(credential)

        [models.m.providers.backup]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "dynamic::backup"

        """ + TestConfig.function(variants: [("v", "m", "")])
    }

    private let refused = "Error in acquiring GCP credentials: Failed to get GCP access token: invalid_grant"

    func testARefusedTokenMovesToTheFallbackCredentialOnTheSameProvider() throws {
        let engine = try makeEngine(vertex("{ default = \"dynamic::first\", fallback = \"dynamic::second\" }"))
        let run = drive(engine, request(credentials: ["first": "t1", "second": "t2"]), replies: ["m.vertex": [.credentialRefused(refused), .ok()]])
        XCTAssertEqual(run.calls, ["m.vertex", "m.vertex"])
        XCTAssertEqual(run.attempts.map { $0.credential?.revealed }, ["t1", "t2"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.credential, "dynamic::second")
        XCTAssertTrue(run.result.usedFallbackCredential)
        XCTAssertEqual(run.result.attemptCount, 1, "a refused token exchange reached no provider")
        XCTAssertEqual(outcomes(run.result.trace), [.skipped(reason: refused), .success])
    }

    func testWithoutAFallbackARefusedTokenIsTheProvidersError() throws {
        let engine = try makeEngine(vertex("\"dynamic::first\""))
        let run = drive(engine, request(pinned: "v", credentials: ["first": "t1", "backup": "k"]), replies: ["m.vertex": [.credentialRefused(refused)]])
        XCTAssertEqual(run.calls, ["m.vertex", "m.backup"])
        XCTAssertEqual(run.result.provider, "backup")
        XCTAssertEqual(run.result.attemptCount, 1)
    }

    func testOtherProvidersDoNotFallBackAfterARefusal() throws {
        let toml = TestConfig.model("m", providers: [("p", "api_key_location = { default = \"dynamic::a\", fallback = \"dynamic::b\" }")])
            + TestConfig.function(variants: [("v", "m", "")])
        let run = drive(try makeEngine(toml), request(pinned: "v", credentials: ["a": "1", "b": "2"]), replies: ["m.p": [.credentialRefused("refused")]])
        XCTAssertEqual(run.calls, ["m.p"])
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: p: refused")
        XCTAssertEqual(run.result.status, 500)
    }

    func testAnAWSKeyPairTravelsWithTheAttempt() throws {
        let toml = """
            [models.m]
            routing = ["bedrock"]

            [models.m.providers.bedrock]
            type = "aws_bedrock"
            model_id = "x"
            region = "dynamic::region"
            access_key_id = "env::AK"
            secret_access_key = "env::SK"
            session_token = "env::ST"

            """ + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml, env: ["AK": "AKIA1", "SK": "secret-1", "ST": "token-1"])
        let attempt = try XCTUnwrap(firstAttempt(engine, request(credentials: ["region": "eu-west-1"])))
        XCTAssertEqual(attempt.credential?.revealed, "AKIA1")
        XCTAssertEqual(attempt.fields["secret_access_key"]?.revealed, "secret-1")
        XCTAssertEqual(attempt.fields["session_token"]?.revealed, "token-1")
        XCTAssertEqual(attempt.fields["region"]?.revealed, "eu-west-1")
        let missing = drive(engine, request(pinned: "v"))
        XCTAssertEqual(missing.message, "All model providers failed to infer with errors: bedrock: Dynamic region 'region' not found in credentials")
        XCTAssertTrue(missing.attempts.isEmpty)
    }

    func testTheSDKChainsKeysOrItsFailure() throws {
        let toml = """
            [models.m]
            routing = ["bedrock"]

            [models.m.providers.bedrock]
            type = "aws_bedrock"
            model_id = "x"
            region = "us-east-1"

            """ + TestConfig.function(variants: [("v", "m", "")])
        let found = try makeEngine(toml, env: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret"])
        let attempt = try XCTUnwrap(firstAttempt(found, request()))
        XCTAssertEqual(attempt.credential?.revealed, "AKIAENV")
        XCTAssertEqual(attempt.fields["secret_access_key"]?.revealed, "env-secret")
        let none = drive(try makeEngine(toml, env: ["AWS_PROFILE": "ghost"]), request(pinned: "v"))
        XCTAssertTrue(none.attempts.isEmpty)
        XCTAssertTrue(none.message?.contains("Error 500 Internal Server Error from aws_bedrock client: Failed to get AWS credentials: `AWS_PROFILE` names the profile `ghost`") == true, none.message ?? "")
    }
}
