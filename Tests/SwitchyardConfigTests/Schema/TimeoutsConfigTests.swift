import XCTest
@testable import SwitchyardConfig

/// `timeouts` tables deny unknown fields at every level (reference §2.5; conformance case 265).
final class TimeoutsConfigTests: XCTestCase {
    private func provider(_ timeouts: String) -> String {
        "[models.gpt]\nrouting = [\"openai\"]\n\n[models.gpt.providers.openai]\ntype = \"openai\"\nmodel_name = \"x\"\ntimeouts = \(timeouts)\n"
    }

    func testUnknownTimeoutsFieldIsRejected() {
        let outcome = loadConfig(provider("{ bad_field = 1 }"))
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "models.gpt.providers.openai.timeouts.bad_field", at: outcome.position(of: "bad_field"),
            messageContains: ["unknown field `bad_field`, expected `non_streaming` or `streaming`"]
        )
    }

    func testUnknownNonStreamingFieldIsRejected() {
        let outcome = loadConfig(provider("{ non_streaming = { ttft_ms = 1 } }"))
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "models.gpt.providers.openai.timeouts.non_streaming.ttft_ms", at: outcome.position(of: "ttft_ms"),
            messageContains: ["unknown field `ttft_ms`, expected `total_ms`"]
        )
    }

    func testUnknownStreamingFieldIsRejected() {
        let outcome = loadConfig(provider("{ streaming = { first_token_ms = 1 } }"))
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "models.gpt.providers.openai.timeouts.streaming.first_token_ms", at: outcome.position(of: "first_token_ms"),
            messageContains: ["unknown field `first_token_ms`, expected `ttft_ms` or `total_ms`"]
        )
    }

    func testUnknownFieldInModelAndVariantTimeoutsIsRejected() {
        let model = loadConfig("[models.gpt]\nrouting = []\nproviders = {}\ntimeouts = { bad_field = 1 }\n")
        assertSchemaDiagnostic(model, .unknownField, path: "models.gpt.timeouts.bad_field", at: model.position(of: "bad_field"), messageContains: ["unknown field `bad_field`"])
        let variant = loadConfig("[functions.f]\ntype = \"chat\"\n[functions.f.variants.v]\ntype = \"chat_completion\"\nmodel = \"m\"\ntimeouts = { bad_field = 1 }\n")
        assertSchemaDiagnostic(variant, .unknownField, path: "functions.f.variants.v.timeouts.bad_field", at: variant.position(of: "bad_field"), messageContains: ["unknown field `bad_field`"])
    }

    func testEveryBoundIsRead() {
        let outcome = loadConfig(provider("{ non_streaming = { total_ms = 1 }, streaming = { ttft_ms = 2, total_ms = 3 } }"))
        assertClean(outcome)
        let timeouts = outcome.config.models.first?.providers.first?.timeouts
        XCTAssertEqual(timeouts?.bounds.map(\.name), ["non_streaming.total_ms", "streaming.ttft_ms", "streaming.total_ms"])
        XCTAssertEqual(timeouts?.bounds.map(\.value.value), [1, 2, 3])
    }

    func testBoundsOfTheWrongTypeOrNegativeAreRejected() {
        let text = loadConfig(provider("{ non_streaming = { total_ms = \"500\" } }"))
        assertSchemaDiagnostic(text, .wrongType, path: "models.gpt.providers.openai.timeouts.non_streaming.total_ms", at: text.position(of: "\"500\""), messageContains: ["expected a non-negative integer, found string"])
        let negative = loadConfig(provider("{ streaming = { ttft_ms = -1 } }"))
        assertSchemaDiagnostic(negative, .invalidValue, path: "models.gpt.providers.openai.timeouts.streaming.ttft_ms", at: negative.position(of: "-1"), messageContains: ["non-negative"])
    }
}
