import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Track-and-stop (`type = "adaptive"`) settings (reference §3.3, §4 and conformance cases 233–236, 036).
final class AdaptiveExperimentationRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment.merging(["TENSORZERO_POSTGRES_URL": "postgres://db/tensorzero"]) { $1 }

    private func adaptive(_ settings: String, metric: String = "success") -> String {
        Snippet.openAIModel("gpt") + """
        [metrics.\(metric)]
        type = "boolean"
        optimize = "max"
        level = "inference"

        [functions.answer]
        type = "chat"

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"

        [functions.answer.variants.beta]
        type = "chat_completion"
        model = "gpt"

        [functions.answer.experimentation]
        type = "adaptive"
        \(settings)

        """
    }

    private let valid = "metric = \"success\"\ncandidate_variants = [\"alpha\", \"beta\"]"

    func testValidAdaptiveConfigWithPostgresIsAccepted() {
        let outcome = compile(adaptive(valid + "\ndelta = 0.1\nepsilon = 0.0\nmin_prob = 0.05"), env: env)
        assertNoDiagnostic(outcome, .trackAndStopInvalid)
        assertNoErrors(outcome)
    }

    func testEmptyCandidatesAreAnError() {
        let outcome = compile(adaptive("metric = \"success\"\ncandidate_variants = []"), env: env)
        assertDiagnostic(
            outcome, .trackAndStopInvalid, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "[functions.answer.experimentation]"),
            messageContains: ["Track-and-Stop candidate_variants cannot be empty"]
        )
    }

    func testUnknownMetricIsAnErrorAtTheMetric() {
        let outcome = compile(adaptive("metric = \"task_success\"\ncandidate_variants = [\"alpha\"]"), env: env)
        assertDiagnostic(
            outcome, .trackAndStopInvalid, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"task_success\""), messageContains: ["'task_success'", "metric"]
        )
    }

    func testDeltaOutsideTheOpenUnitIntervalIsAnError() {
        for delta in ["1.5", "0.0", "1.0"] {
            let outcome = compile(adaptive(valid + "\ndelta = \(delta)"), env: env)
            assertDiagnostic(
                outcome, .trackAndStopInvalid, .error, path: "functions.answer.experimentation",
                at: outcome.position(of: "delta = ", offset: 8), messageContains: ["Track-and-Stop delta must be in (0, 1), got \(delta.replacingOccurrences(of: ".0", with: ""))"]
            )
        }
    }

    func testNegativeEpsilonAndMinProbOutOfRangeAreErrors() {
        let epsilon = compile(adaptive(valid + "\nepsilon = -0.1"), env: env)
        assertDiagnostic(
            epsilon, .trackAndStopInvalid, .error, path: "functions.answer.experimentation",
            at: epsilon.position(of: "-0.1"), messageContains: ["epsilon"]
        )
        let minProb = compile(adaptive(valid + "\nmin_prob = 1.5"), env: env)
        assertDiagnostic(
            minProb, .trackAndStopInvalid, .error, path: "functions.answer.experimentation",
            at: minProb.position(of: "1.5"), messageContains: ["min_prob"]
        )
    }

    func testMissingMetricIsAMissingField() {
        let outcome = compile(adaptive("candidate_variants = [\"alpha\"]"), env: env)
        assertDiagnostic(
            outcome, .missingField, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "[functions.answer.experimentation]"), messageContains: ["missing field `metric`"]
        )
    }

    /// Conformance case 036: without Postgres the gateway refuses to start an adaptive config.
    func testAdaptiveWithoutPostgresIsAnErrorAtTheType() {
        let outcome = compile(adaptive(valid), env: Snippet.openAIEnvironment)
        assertDiagnostic(
            outcome, .trackAndStopInvalid, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"adaptive\""),
            messageContains: ["Postgres is not available", "TENSORZERO_POSTGRES_URL", "`answer`"]
        )
    }

    func testStaticExperimentationDoesNotNeedPostgres() {
        let toml = adaptive(valid).replacingOccurrences(of: "type = \"adaptive\"", with: "type = \"static\"")
        let outcome = compile(toml, env: Snippet.openAIEnvironment)
        assertNoDiagnostic(outcome, .trackAndStopInvalid)
        assertNoErrors(outcome)
    }
}
