import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Provider fields that only make sense together, and endpoints users get wrong (reference §2.2).
final class ProviderFieldRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func openAI(_ extra: String) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "openai"
        model_name = "gpt-4o-mini"
        \(extra)

        """
    }

    func testEncryptedReasoningWithoutResponsesAPIIsAnError() {
        let outcome = compile(openAI("include_encrypted_reasoning = true"), env: env)
        assertDiagnostic(
            outcome, .providerFieldConflict, .error, path: "models.m.providers.p", at: outcome.position(of: "true"),
            messageContains: ["include_encrypted_reasoning", "api_type = \"responses\""]
        )
    }

    func testEncryptedReasoningWithChatCompletionsAPIIsAnError() {
        let outcome = compile(openAI("api_type = \"chat_completions\"\ninclude_encrypted_reasoning = true"), env: env)
        assertDiagnostic(
            outcome, .providerFieldConflict, .error, path: "models.m.providers.p", at: outcome.position(of: "true"),
            messageContains: ["include_encrypted_reasoning"]
        )
    }

    func testEncryptedReasoningWithResponsesAPIIsAccepted() {
        let outcome = compile(openAI("api_type = \"responses\"\ninclude_encrypted_reasoning = true"), env: env)
        assertNoDiagnostic(outcome, .providerFieldConflict)
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.settings["api_type"], "responses")
    }

    func testEncryptedReasoningSetToFalseIsAccepted() {
        let outcome = compile(openAI("include_encrypted_reasoning = false"), env: env)
        assertNoDiagnostic(outcome, .providerFieldConflict)
    }

    /// Reference §2.2: OpenAI `provider_tools` is an error unless `api_type = "responses"`.
    func testProviderToolsWithoutResponsesAPIIsAnError() {
        let outcome = compile(openAI(#"provider_tools = [{ type = "web_search" }]"#), env: env)
        assertDiagnostic(
            outcome, .providerFieldConflict, .error, path: "models.m.providers.p", at: outcome.position(of: "[{"),
            messageContains: ["provider_tools", "api_type = \"responses\""]
        )
    }

    func testProviderToolsWithResponsesAPIIsAccepted() {
        let outcome = compile(openAI("api_type = \"responses\"\nprovider_tools = [{ type = \"web_search\" }]"), env: env)
        assertNoDiagnostic(outcome, .providerFieldConflict)
        assertNoErrors(outcome)
    }

    func testAPIBaseEndingInChatCompletionsIsAWarning() {
        for suffix in ["/chat/completions", "/chat/completions/"] {
            let outcome = compile(openAI("api_base = \"https://proxy.example.com/v1\(suffix)\""), env: env)
            assertDiagnostic(
                outcome, .apiBaseSuffix, .warning, path: "models.m.providers.p.api_base",
                at: outcome.position(of: "\"https://proxy"), messageContains: ["/chat/completions"]
            )
            assertNoErrors(outcome)
        }
    }

    func testAPIBaseWithoutTheSuffixIsAccepted() {
        let outcome = compile(openAI("api_base = \"https://proxy.example.com/v1/\""), env: env)
        assertNoDiagnostic(outcome, .apiBaseSuffix)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.first?.endpoint, "https://proxy.example.com/v1/")
    }

    private func gemini(_ ids: String) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "gcp_vertex_gemini"
        location = "us-central1"
        project_id = "proj"
        credential_location = "dynamic::gcp_token"
        \(ids)

        """
    }

    func testGeminiWithBothModelIDAndEndpointIDIsAnError() {
        let outcome = compile(gemini("model_id = \"gemini-2.0-flash\"\nendpoint_id = \"123\""))
        assertDiagnostic(
            outcome, .providerFieldConflict, .error, path: "models.m.providers.p", at: outcome.position(of: "\"123\""),
            messageContains: ["exactly one of `model_id` or `endpoint_id` must be provided"]
        )
    }

    func testGeminiWithExactlyOneIDIsAccepted() {
        for ids in ["model_id = \"gemini-2.0-flash\"", "endpoint_id = \"123\""] {
            let outcome = compile(gemini(ids))
            assertNoDiagnostic(outcome, .providerFieldConflict)
            assertNoErrors(outcome)
        }
    }

    private func azure(endpoint: String) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "azure"
        deployment_id = "gpt-4o-mini"
        endpoint = "\(endpoint)"
        api_key_location = "dynamic::azure_key"

        """
    }

    func testAzureEndpointFromUnsetVariableIsAnError() {
        let outcome = compile(azure(endpoint: "env::AZURE_ENDPOINT"))
        assertDiagnostic(
            outcome, .environmentVariableMissing, .error, path: "models.m.providers.p",
            at: outcome.position(of: "\"env::AZURE_ENDPOINT\""), messageContains: ["`AZURE_ENDPOINT`"]
        )
    }

    func testAzureEndpointFromSetVariableOrLiteralOrDynamicIsAccepted() {
        assertNoErrors(compile(azure(endpoint: "env::AZURE_ENDPOINT"), env: ["AZURE_ENDPOINT": "https://x.openai.azure.com"]))
        assertNoErrors(compile(azure(endpoint: "https://x.openai.azure.com")))
        assertNoErrors(compile(azure(endpoint: "dynamic::azure_endpoint")))
    }
}
