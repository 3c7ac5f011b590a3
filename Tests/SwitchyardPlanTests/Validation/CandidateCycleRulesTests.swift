import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// A best-of-N / mixture-of-N variant that reaches itself through its candidates: TensorZero 2026.6.0 crashes
/// at startup (checked against its gateway), so `check` refuses the config.
final class CandidateCycleRulesTests: XCTestCase {
    private func config(first: String, second: String) -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"

        [functions.answer.variants.a]
        type = "chat_completion"
        model = "gpt"

        [functions.answer.variants.first]
        type = "experimental_best_of_n_sampling"
        candidates = \(first)

        [functions.answer.variants.first.evaluator]
        model = "gpt"

        [functions.answer.variants.second]
        type = "experimental_mixture_of_n"
        candidates = \(second)

        [functions.answer.variants.second.fuser]
        model = "gpt"
        """
    }

    func testAVariantListingItselfIsRefused() {
        let outcome = compile(config(first: #"["a", "first"]"#, second: #"["a"]"#), env: Snippet.openAIEnvironment)
        assertDiagnostic(
            outcome, .candidateCycle, .error, path: "functions.answer.variants.first",
            at: outcome.position(of: "[functions.answer.variants.first]", offset: 0),
            messageContains: ["variant `first` runs itself through its candidates (first → first)"]
        )
        XCTAssertNil(outcome.plan)
    }

    func testACycleThroughAnotherVariantIsRefusedForBoth() {
        let outcome = compile(config(first: #"["a", "second"]"#, second: #"["first"]"#), env: Snippet.openAIEnvironment)
        XCTAssertEqual(outcome.diagnostics(.candidateCycle).map(\.message), [
            "variant `first` runs itself through its candidates (first → second → first); TensorZero's gateway crashes at startup on this config",
            "variant `second` runs itself through its candidates (second → first → second); TensorZero's gateway crashes at startup on this config",
        ])
    }

    func testNestedVariantsWithoutACycleAreAccepted() {
        let outcome = compile(config(first: #"["a", "second"]"#, second: #"["a", "a"]"#), env: Snippet.openAIEnvironment)
        XCTAssertEqual(outcome.diagnostics(.candidateCycle).count, 0)
        XCTAssertNotNil(outcome.plan, outcome.listing)
    }
}
