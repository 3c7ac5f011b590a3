import Foundation
import Testing

@Suite struct BedrockGatewayTests {
    static let modelID = "us.anthropic.claude-haiku-4-5-20251001-v1:0"

    static func config(port: Int, credentials: String, region: String = "us-east-1") -> String {
        """
        [models.claude]
        routing = ["bedrock"]

        [models.claude.providers.bedrock]
        type = "aws_bedrock"
        model_id = "\(modelID)"
        region = "\(region)"
        endpoint_url = "http://127.0.0.1:\(port)/bedrock"
        \(credentials)

        \(CloudHarness.function("reply", model: "claude"))
        """
    }

    @Test func signsWithTheEnvironmentKeysAndTheMockVerifiesTheSignature() async throws {
        let state = CloudMockState()
        state.acceptAWS(keyID: "AKIATESTENV", secret: "env-secret-key")
        try await CloudHarness.run(
            environment: { _ in ["AWS_ACCESS_KEY_ID": "AKIATESTENV", "AWS_SECRET_ACCESS_KEY": "env-secret-key", "AWS_SESSION_TOKEN": "session-1"] },
            config: { Self.config(port: $0, credentials: "access_key_id = \"env::AWS_ACCESS_KEY_ID\"\nsecret_access_key = \"env::AWS_SECRET_ACCESS_KEY\"\nsession_token = \"env::AWS_SESSION_TOKEN\"") },
            state: state
        ) { harness in
            let (status, body) = try await harness.infer("reply")
            #expect(status == 200)
            #expect(body.contains("hello from bedrock"))
            let calls = harness.state.calls(under: "/bedrock/")
            #expect(calls.count == 1)
            #expect(calls.first?.verdict == "ok")
            #expect(calls.first?.path == "/bedrock/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse")
            #expect(calls.first?.identity.contains("/us-east-1/bedrock/aws4_request token=session-1") == true)
            let messages = calls.first?.body["messages"] as? [[String: Any]]
            #expect((messages?.first?["content"] as? [[String: Any]])?.first?["text"] as? String == "hi")
        }
    }

    @Test func aWrongSecretFailsTheSignatureCheck() async throws {
        let state = CloudMockState()
        state.acceptAWS(keyID: "AKIATESTENV", secret: "the-real-secret")
        try await CloudHarness.run(
            environment: { _ in ["AWS_ACCESS_KEY_ID": "AKIATESTENV", "AWS_SECRET_ACCESS_KEY": "a-stale-secret"] },
            config: { Self.config(port: $0, credentials: "") }, state: state
        ) { harness in
            let (status, body) = try await harness.infer("reply")
            #expect(status == 502)
            #expect(body.contains("403"))
            #expect(harness.state.calls(under: "/bedrock/").first?.verdict == "signature mismatch")
            #expect(!body.contains("a-stale-secret"))
        }
    }

    @Test func followsTheProfileInTheSharedCredentialsFile() async throws {
        let folder = try TemporaryFolder()
        let credentials = try folder.write("credentials", """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret

            [team]
            aws_access_key_id = AKIATEAM
            aws_secret_access_key = team-secret
            """)
        let config = try folder.write("config", "[profile team]\nregion = eu-west-3\n")
        let state = CloudMockState()
        state.acceptAWS(keyID: "AKIATEAM", secret: "team-secret")
        try await CloudHarness.run(
            environment: { _ in ["AWS_PROFILE": "team", "AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_CONFIG_FILE": config] },
            config: { Self.config(port: $0, credentials: "", region: "sdk") }, state: state
        ) { harness in
            let (status, _) = try await harness.infer("reply")
            #expect(status == 200)
            #expect(harness.state.calls(under: "/bedrock/").first?.identity.hasPrefix("AKIATEAM/") == true)
            #expect(harness.state.calls(under: "/bedrock/").first?.identity.contains("/eu-west-3/bedrock/") == true)
        }
    }

    @Test func aMissingProfileFailsEachRequestNamingTheProfileAndFiles() async throws {
        let folder = try TemporaryFolder()
        let credentials = try folder.write("credentials", "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n")
        try await CloudHarness.run(
            environment: { _ in ["AWS_PROFILE": "nope", "AWS_SHARED_CREDENTIALS_FILE": credentials] },
            config: { Self.config(port: $0, credentials: "") }
        ) { harness in
            let (status, body) = try await harness.infer("reply")
            #expect(status == 502)
            #expect(body.contains("Failed to get AWS credentials: `AWS_PROFILE` names the profile `nope`, which is not defined in `\(credentials)`"))
            #expect(harness.state.calls.isEmpty)
            #expect(!body.contains("default-secret"))
        }
    }

    @Test func dynamicKeysAndRegionComeFromTheRequest() async throws {
        let state = CloudMockState()
        state.acceptAWS(keyID: "AKIACALLER", secret: "caller-secret")
        let keys = """
            access_key_id = "dynamic::aws_key_id"
            secret_access_key = "dynamic::aws_secret"
            """
        try await CloudHarness.run(
            environment: { _ in [:] }, config: { Self.config(port: $0, credentials: keys, region: "dynamic::aws_region") }, state: state
        ) { harness in
            let (status, _) = try await harness.infer("reply", credentials: ["aws_key_id": "AKIACALLER", "aws_secret": "caller-secret", "aws_region": "ap-south-1"])
            #expect(status == 200)
            #expect(harness.state.calls.first?.identity.contains("/ap-south-1/bedrock/") == true)
            let (missing, body) = try await harness.infer("reply", credentials: ["aws_key_id": "AKIACALLER", "aws_region": "ap-south-1"])
            #expect(missing == 502)
            #expect(body.contains("API key missing for provider aws: Dynamic `secret_access_key` with key `aws_secret` is missing"))
            let (noRegion, regionBody) = try await harness.infer("reply", credentials: ["aws_key_id": "AKIACALLER", "aws_secret": "caller-secret"])
            #expect(noRegion == 502)
            #expect(regionBody.contains("Dynamic region 'aws_region' not found in credentials"))
            #expect(harness.state.calls.count == 1)
        }
    }

    @Test func anAPIKeyIsSentAsABearerToken() async throws {
        let state = CloudMockState()
        state.acceptBearer("bedrock-api-key-1")
        try await CloudHarness.run(
            environment: { _ in ["AWS_BEARER_TOKEN_BEDROCK": "bedrock-api-key-1"] }, config: { Self.config(port: $0, credentials: "") }, state: state
        ) { harness in
            let (status, _) = try await harness.infer("reply")
            #expect(status == 200)
            #expect(harness.state.calls.first?.identity == "bedrock-api-key-1")
        }
    }
}

/// A folder under the temporary directory for credential files.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-cloud-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder; its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
