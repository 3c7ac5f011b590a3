import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// The deprecated best-of-N / mixture-of-N `timeout_s` (TensorZero 2026.6.0, checked against its gateway): it
/// warns, becomes each candidate's `timeouts`, and is refused when a candidate already has `timeouts`, written or
/// given by `timeout_s` for an earlier listing of the same candidate.
final class CandidateTimeoutRulesTests: XCTestCase {
    private func config(candidates: String, aTimeouts: String = "") -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"

        [functions.answer.variants.a]
        type = "chat_completion"
        model = "gpt"
        \(aTimeouts)

        [functions.answer.variants.b]
        type = "chat_completion"
        model = "gpt"

        [functions.answer.variants.bon]
        type = "experimental_best_of_n_sampling"
        candidates = \(candidates)
        timeout_s = 0.25

        [functions.answer.variants.bon.evaluator]
        model = "gpt"
        """
    }

    func testTimeoutSecondsBecomesTheCandidatesTimeoutsWithAWarning() throws {
        let outcome = compile(config(candidates: #"["a", "b"]"#), env: Snippet.openAIEnvironment)
        XCTAssertEqual(outcome.errors.map(\.description), [])
        assertDiagnostic(
            outcome, .deprecatedVariantType, .warning, path: "functions.answer.variants.bon.timeout_s", at: outcome.position(of: "0.25"),
            messageContains: ["`timeout_s` in functions.answer.variants.bon is deprecated. Please use `[timeouts]` on your candidate variants instead."]
        )
        let variants = try XCTUnwrap(outcome.plan?.functions["answer"]?.variants)
        for name in ["a", "b"] {
            XCTAssertEqual(variants[name]?.timeouts, TimeoutPlan(nonStreamingTotalMs: 250, streamingTTFTMs: 250, streamingTotalMs: nil), name)
        }
        XCTAssertNil(variants["bon"]?.timeouts)
    }

    func testACandidateWithItsOwnTimeoutsIsRefused() {
        let outcome = compile(config(candidates: #"["a", "b"]"#, aTimeouts: "timeouts = { non_streaming = { total_ms = 100 } }"), env: Snippet.openAIEnvironment)
        assertDiagnostic(
            outcome, .invalidValue, .error, path: "functions.answer.variants.bon.candidates", at: outcome.position(of: "\"a\", \"b\"]"),
            messageContains: ["functions.answer.variants.bon: cannot use `timeout_s` when candidate `a` already has `[timeouts]` configured. Please remove `timeout_s` and configure timeouts directly on the candidate."]
        )
    }

    func testACandidateListedTwiceIsRefusedAsTensorZeroDoes() {
        let outcome = compile(config(candidates: #"["a", "b", "a"]"#), env: Snippet.openAIEnvironment)
        assertDiagnostic(
            outcome, .invalidValue, .error, path: "functions.answer.variants.bon.candidates", at: outcome.position(of: "\"a\"]"),
            messageContains: ["cannot use `timeout_s` when candidate `a` already has `[timeouts]` configured"]
        )
    }
}
