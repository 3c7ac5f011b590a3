import Foundation
import Testing

@Suite struct VertexGatewayTests {
    static func config(type: String, credential: String) -> String {
        """
        [models.vertex]
        routing = ["vertex"]

        [models.vertex.providers.vertex]
        type = "\(type)"
        model_id = "\(type == "gcp_vertex_gemini" ? "gemini-2.5-flash" : "claude-haiku-4-5@20251001")"
        location = "us-central1"
        project_id = "test-project"
        credential_location = \(credential)

        \(CloudHarness.function("reply", model: "vertex"))
        """
    }

    @Test func exchangesTheKeyFileOnceAndReusesTheToken() async throws {
        let account = try ServiceAccountKeyFile(keyID: "key-1")
        let folder = try TemporaryFolder()
        let state = CloudMockState()
        state.acceptServiceAccount(keyID: "key-1", publicKey: account.key.publicKey)
        try await CloudHarness.run(
            environment: { port in ["GCP_VERTEX_CREDENTIALS_PATH": try! folder.write("key.json", account.json(port: port))] },
            config: { _ in Self.config(type: "gcp_vertex_gemini", credential: "\"path_from_env::GCP_VERTEX_CREDENTIALS_PATH\"") },
            preparePlan: CloudHarness.vertexOnMock, state: state
        ) { harness in
            for _ in 0..<3 {
                let (status, body) = try await harness.infer("reply")
                #expect(status == 200)
                #expect(body.contains("hello from vertex gemini"))
            }
            #expect(harness.state.calls(under: "/token").map(\.verdict) == ["ok"])
            let vertex = harness.state.calls(under: "/vertex/")
            #expect(vertex.count == 3 && vertex.allSatisfy { $0.verdict == "ok" && $0.identity == "ya29.mock-1" })
            #expect(vertex.first?.path == "/vertex/v1/projects/test-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent")
        }
    }

    @Test func aRefusedTokenExchangeFallsBackToTheDynamicToken() async throws {
        let unknown = try ServiceAccountKeyFile(keyID: "revoked-key")
        let folder = try TemporaryFolder()
        let state = CloudMockState()
        state.acceptBearer("caller-access-token")
        try await CloudHarness.run(
            environment: { port in ["KEY_PATH": try! folder.write("key.json", unknown.json(port: port))] },
            config: { _ in Self.config(type: "gcp_vertex_anthropic", credential: "{ default = \"path_from_env::KEY_PATH\", fallback = \"dynamic::vertex_token\" }") },
            preparePlan: CloudHarness.vertexOnMock, state: state
        ) { harness in
            let (status, body) = try await harness.infer("reply", credentials: ["vertex_token": "caller-access-token"])
            #expect(status == 200)
            #expect(body.contains("hello from vertex claude"))
            #expect(harness.state.calls(under: "/token").map(\.verdict) == ["malformed or unknown key"])
            let call = harness.state.calls(under: "/vertex/").first
            #expect(call?.identity == "caller-access-token")
            #expect(call?.path.hasSuffix("/publishers/anthropic/models/claude-haiku-4-5@20251001:rawPredict") == true)
            #expect(call?.body["anthropic_version"] as? String == "vertex-2023-10-16")
            #expect(call?.body["model"] == nil)

            let (failed, failure) = try await harness.infer("reply")
            #expect(failed == 502)
            #expect(failure.contains("Error in acquiring GCP credentials: Failed to get GCP access token"))
            #expect(failure.contains("invalid_grant"))
            #expect(!failure.contains("PRIVATE KEY"))
        }
    }

    @Test func aMalformedKeyFileIsAStartupErrorNamingTheFileAndProvider() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("broken.json", #"{"type": "service_account", "client_email": "x@y"}"#)
        let compilation = try GatewayHarness.compile(
            Self.config(type: "gcp_vertex_gemini", credential: "\"path::\(path)\""), environment: .init([:])
        )
        #expect(compilation.plan == nil)
        let message = compilation.diagnostics.map(\.description).joined(separator: "\n")
        #expect(message.contains("models.vertex.providers.vertex"))
        #expect(message.contains(path))
        #expect(message.contains("missing `private_key_id`"))
    }
}
