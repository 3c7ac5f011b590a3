import Foundation
import Testing
import SwitchyardConfig
@testable import SwitchyardGateway

/// Upstream text loses the credential values it quotes, in every obvious form, and keeps everything else.
@Suite struct SecretRedactionTests {
    static let key = "sk-canary-51f0c9ae7d3b"
    let redaction = SecretRedaction([Secret(SecretRedactionTests.key)])

    @Test func replacesTheValueAndItsEncodings() {
        let base64 = Data(Self.key.utf8).base64EncodedString()
        let text = "bad key \(Self.key); b64 \(base64); url \(Self.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        #expect(redaction.apply(text) == "bad key <redacted>; b64 <redacted>; url <redacted>")
    }

    @Test func replacesAMaskedEchoThatStartsWithTheValue() {
        let text = #"{"error":{"message":"Incorrect API key provided: sk-canar************7d3b. See docs."}}"#
        #expect(redaction.apply(text) == #"{"error":{"message":"Incorrect API key provided: <redacted>. See docs."}}"#)
    }

    @Test func leavesOtherTextAndShortValuesAlone() {
        #expect(redaction.apply("upstream exploded: 500") == "upstream exploded: 500")
        #expect(SecretRedaction([Secret("abc")]).apply("abc abc") == "abc abc")
    }

    @Test func upstreamErrorsEchoingTheKeyReachNoResponseOrLog() async throws {
        let capture = LogCapture()
        let config: @Sendable (Int) -> String = { port in
            """
            [models.echo]
            routing = ["echo"]

            [models.echo.providers.echo]
            type = "openai"
            api_base = "http://127.0.0.1:\(port)/echo-key/v1/"
            model_name = "m"
            api_key_location = "env::TEST_OPENAI_KEY"

            [models.dynamic_echo]
            routing = ["echo"]

            [models.dynamic_echo.providers.echo]
            type = "openai"
            api_base = "http://127.0.0.1:\(port)/echo-key/v1/"
            model_name = "m"
            api_key_location = "dynamic::customer_key"
            """
        }
        try await GatewayHarness.run(config: config, logger: capture.logger()) { harness in
            let messages = #""input": {"messages": [{"role": "user", "content": "hi"}]}"#
            let dynamicKey = "sk-customer-93be01f4c2"
            let answers = [
                try await harness.post("/inference", #"{"model_name": "echo", \#(messages)}"#),
                try await harness.post("/inference", #"{"model_name": "dynamic_echo", "credentials": {"customer_key": "\#(dynamicKey)"}, \#(messages)}"#),
            ]
            for (status, body) in answers {
                let error = body["error"] as? String ?? ""
                #expect(status == 502 || status == 401 || status == 500)
                #expect(error.contains("Incorrect API key provided: <redacted>"))
                for secret in ["sk-static-openai", dynamicKey] {
                    #expect(!error.contains(String(secret.prefix(8))), "leaked: \(error)")
                }
            }
            #expect(await harness.recorder.calls(under: "/echo-key/").count == 2)
        }
        let logged = capture.lines.map(\.message).joined(separator: "\n")
        #expect(logged.contains("<redacted>"))
        #expect(!logged.contains("sk-stati") && !logged.contains("sk-custo"))
    }
}
