import XCTest
@testable import SwitchyardEngine

/// Error messages as TensorZero displays them and the HTTP statuses they surface with (reference §5.3).
final class InferenceErrorTests: XCTestCase {
    private let server = InferenceError.providerStatus(providerType: "openai", status: 503, body: "overloaded")
    private let client = InferenceError.providerStatus(providerType: "anthropic", status: 429, body: "slow down")

    func testProviderErrorMessages() {
        XCTAssertEqual(server.message, "Error from openai server: overloaded")
        XCTAssertEqual(client.message, "Error 429 Too Many Requests from anthropic client: slow down")
        XCTAssertEqual(InferenceError.providerStatus(providerType: "openai", status: 401, body: "b").message, "Error 401 Unauthorized from openai client: b")
        XCTAssertEqual(InferenceError.providerStatus(providerType: "openai", status: 500, body: "b").message, "Error from openai server: b")
        XCTAssertEqual(InferenceError.providerConnection(providerType: "groq", message: "reset").message, "Error sending request to groq: reset")
        XCTAssertEqual(InferenceError.providerResponse(providerType: "xai", message: "bad json").message, "Error parsing response from xai: bad json")
        XCTAssertEqual(
            InferenceError.apiKeyMissing(provider: "OpenAI", message: "Dynamic api key `k` is missing").message,
            "API key missing for provider OpenAI: Dynamic api key `k` is missing"
        )
    }

    func testTimeoutMessagesNameTheBoundAndDuration() {
        XCTAssertEqual(
            InferenceError.providerTimeout(provider: "p", bound: "non_streaming.total_ms", milliseconds: 500).message,
            "Model provider p timed out due to configured `non_streaming.total_ms` timeout (500ms)"
        )
        XCTAssertEqual(
            InferenceError.modelTimeout(model: "m", bound: "streaming.ttft_ms", milliseconds: 250).message,
            "Model m timed out due to configured `streaming.ttft_ms` timeout (250ms)"
        )
        XCTAssertEqual(
            InferenceError.variantTimeout(variant: "v", bound: "streaming.total_ms", milliseconds: 2_000).message,
            "Variant `v` timed out due to configured `streaming.total_ms` timeout (2s)"
        )
    }

    func testNestedMessagesJoinProvidersWithCommasAndVariantsWithNewlines() {
        let providers = InferenceError.allModelProvidersFailed([.init(provider: "a", error: server), .init(provider: "b", error: client)])
        XCTAssertEqual(
            providers.message,
            "All model providers failed to infer with errors: a: Error from openai server: overloaded, b: Error 429 Too Many Requests from anthropic client: slow down"
        )
        let retries = InferenceError.allRetriesFailed([server, client])
        XCTAssertEqual(retries.message, "All retries failed with errors: Error from openai server: overloaded, Error 429 Too Many Requests from anthropic client: slow down")
        let variants = InferenceError.allVariantsFailed([.init(variant: "v1", error: providers), .init(variant: "v2", error: retries)])
        XCTAssertEqual(variants.message, "All variants failed with errors: v1: \(providers.message)\nv2: \(retries.message)")
    }

    func testRequestErrorMessages() {
        XCTAssertEqual(InferenceError.unknownFunction("f").message, "Unknown function: f")
        XCTAssertEqual(InferenceError.unknownVariant("v").message, "Unknown variant: v")
        XCTAssertEqual(
            InferenceError.invalidModelName("m").message,
            "Invalid inference target: Invalid model name: Model name 'm' not found in model table"
        )
        XCTAssertEqual(InferenceError.variantWithModelName.message, "Invalid inference target: `variant_name` cannot be provided when using `model_name`")
        XCTAssertEqual(InferenceError.functionWithoutVariants("f").message, "Function `f` has no variants")
        XCTAssertEqual(
            InferenceError.noValidVariants(function: "f").message,
            "No valid variants to sample from for function `f` after filtering by allowed variants"
        )
    }

    func testStatuses() {
        let cases: [(InferenceError, Int)] = [
            (.allVariantsFailed([.init(variant: "v", error: server)]), 502),
            (.allModelProvidersFailed([.init(provider: "p", error: client)]), 500),
            (.providerTimeout(provider: "p", bound: "b", milliseconds: 1), 408),
            (.modelTimeout(model: "m", bound: "b", milliseconds: 1), 408),
            (.variantTimeout(variant: "v", bound: "b", milliseconds: 1), 408),
            (.apiKeyMissing(provider: "OpenAI", message: "x"), 400),
            (.invalidModelName("m"), 400),
            (.variantWithModelName, 400),
            (.unknownFunction("f"), 404),
            (.unknownVariant("v"), 404),
            (.functionWithoutVariants("f"), 500),
            (.noValidVariants(function: "f"), 500),
            (.providerConnection(providerType: "openai", message: "x"), 500),
            (.providerResponse(providerType: "openai", message: "x"), 500),
            (server, 503),
            (client, 429),
        ]
        for (error, status) in cases {
            XCTAssertEqual(error.status, status, "\(error)")
        }
    }

    func testAllRetriesFailedTakesTheStatusOfTheLastError() {
        XCTAssertEqual(InferenceError.allRetriesFailed([.variantTimeout(variant: "v", bound: "b", milliseconds: 1), client]).status, 429)
        XCTAssertEqual(InferenceError.allRetriesFailed([client, .modelTimeout(model: "m", bound: "b", milliseconds: 1)]).status, 408)
        XCTAssertEqual(InferenceError.allRetriesFailed([client, .allModelProvidersFailed([])]).status, 500)
    }

    func testRetryability() {
        XCTAssertTrue(server.isRetryable)
        XCTAssertTrue(InferenceError.modelTimeout(model: "m", bound: "b", milliseconds: 1).isRetryable)
        XCTAssertFalse(InferenceError.allRetriesFailed([server]).isRetryable)
        XCTAssertTrue(InferenceError.allModelProvidersFailed([.init(provider: "p", error: server)]).isRetryable)
        XCTAssertFalse(InferenceError.allModelProvidersFailed([.init(provider: "p", error: .allRetriesFailed([server]))]).isRetryable)
        XCTAssertFalse(InferenceError.allModelProvidersFailed([]).isRetryable, "no retryable provider error")
    }
}
