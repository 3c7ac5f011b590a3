import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `[functions.F.experimentation]` checks (reference §3.3 and §4).
final class ExperimentationRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    /// A chat function `answer` with variants `alpha`, `beta` (each with `variantExtra`) and `experimentation`.
    private func function(experimentation: String, variantExtra: String = "") -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        \(variantExtra)

        [functions.answer.variants.beta]
        type = "chat_completion"
        model = "gpt"

        \(experimentation)
        """
    }

    private func staticExperimentation(_ body: String) -> String {
        "[functions.answer.experimentation]\ntype = \"static\"\n\(body)\n"
    }

    func testVariantWeightMixedWithExperimentationIsAnError() {
        let outcome = compile(function(
            experimentation: staticExperimentation(#"candidate_variants = ["alpha", "beta"]"#), variantExtra: "weight = 0.5"
        ), env: env)
        assertDiagnostic(
            outcome, .weightWithExperimentation, .error, path: "functions.answer", at: outcome.position(of: "0.5"),
            messageContains: [
                "Cannot mix `experimentation` configuration with individual variant `weight` values.",
                "The following variants have weights specified: alpha.",
            ]
        )
    }

    func testExperimentationWithoutVariantWeightsIsAccepted() {
        let outcome = compile(function(experimentation: staticExperimentation(#"candidate_variants = ["alpha", "beta"]"#)), env: env)
        assertNoErrors(outcome)
        for code in [DiagnosticCode.weightWithExperimentation, .experimentationUnknownVariant, .experimentationDuplicateVariant,
                     .experimentationNegativeWeight, .experimentationNothingSampleable, .deprecatedExperimentationType, .deprecatedWeight] {
            assertNoDiagnostic(outcome, code)
        }
    }

    func testVariantWeightWithoutExperimentationIsADeprecationWarning() {
        let outcome = compile(function(experimentation: "", variantExtra: "weight = 0.5"), env: env)
        assertDiagnostic(
            outcome, .deprecatedWeight, .warning, path: "functions.answer", at: outcome.position(of: "0.5"),
            messageContains: ["deprecated", "experimentation"], count: nil
        )
        assertNoDiagnostic(outcome, .weightWithExperimentation)
        assertNoErrors(outcome)
        assertNoDiagnostic(compile(function(experimentation: ""), env: env), .deprecatedWeight)
    }

    func testLegacyExperimentationTypesAreDeprecationWarnings() {
        let cases = [
            ("uniform", "", "static"),
            ("static_weights", "candidate_variants = { alpha = 1.0 }\nfallback_variants = [\"beta\"]", "static"),
        ]
        for (type, body, replacement) in cases {
            let outcome = compile(function(experimentation: "[functions.answer.experimentation]\ntype = \"\(type)\"\n\(body)\n"), env: env)
            assertDiagnostic(
                outcome, .deprecatedExperimentationType, .warning, path: "functions.answer.experimentation",
                at: outcome.position(of: "\"\(type)\""), messageContains: ["`\(type)`", "deprecated", "`\(replacement)`"]
            )
            assertNoErrors(outcome)
        }
    }

    func testLegacyTrackAndStopIsADeprecationWarningPointingToAdaptive() {
        let toml = function(experimentation: """
        [functions.answer.experimentation]
        type = "track_and_stop"
        metric = "success"
        candidate_variants = ["alpha", "beta"]
        """) + "\n[metrics.success]\ntype = \"boolean\"\noptimize = \"max\"\nlevel = \"inference\"\n"
        let outcome = compile(toml, env: env.merging(["TENSORZERO_POSTGRES_URL": "postgres://db"]) { $1 })
        assertDiagnostic(
            outcome, .deprecatedExperimentationType, .warning, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"track_and_stop\""), messageContains: ["`track_and_stop`", "`adaptive`"]
        )
        assertNoErrors(outcome)
    }

    func testUnknownCandidateVariantIsAnError() {
        let outcome = compile(function(experimentation: staticExperimentation(#"candidate_variants = ["alpha", "gamma"]"#)), env: env)
        assertDiagnostic(
            outcome, .experimentationUnknownVariant, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"gamma\""),
            messageContains: ["static experimentation: candidate variant `gamma` does not exist in function variants"]
        )
    }

    func testUnknownCandidateInAWeightMapIsAnErrorAtItsKey() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = { alpha = 1.0, gamma = 2.0 }")), env: env)
        assertDiagnostic(
            outcome, .experimentationUnknownVariant, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "gamma = "), messageContains: ["candidate variant `gamma` does not exist"]
        )
    }

    func testUnknownFallbackVariantIsAnError() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = [\"alpha\"]\nfallback_variants = [\"gamma\"]")), env: env)
        assertDiagnostic(
            outcome, .experimentationUnknownVariant, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"gamma\""),
            messageContains: ["static experimentation: fallback variant `gamma` does not exist in function variants"]
        )
    }

    func testDuplicateCandidateIsAnErrorAtTheRepeat() {
        let outcome = compile(function(experimentation: staticExperimentation(#"candidate_variants = ["alpha", "beta", "alpha"]"#)), env: env)
        assertDiagnostic(
            outcome, .experimentationDuplicateVariant, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"alpha\"", occurrence: 2),
            messageContains: ["duplicate variant name in `candidate_variants`: `alpha`"]
        )
    }

    func testDuplicateFallbackIsAnError() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = [\"alpha\"]\nfallback_variants = [\"beta\", \"beta\"]")), env: env)
        assertDiagnostic(
            outcome, .experimentationDuplicateVariant, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"beta\""), messageContains: ["`fallback_variants` contains duplicate entries: beta"]
        )
    }

    func testVariantThatIsBothCandidateAndFallbackIsAnError() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = [\"alpha\", \"beta\"]\nfallback_variants = [\"beta\"]")), env: env)
        assertDiagnostic(
            outcome, .experimentationDuplicateVariant, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "\"beta\"", occurrence: 2),
            messageContains: ["variants cannot appear in both `candidate_variants` and `fallback_variants`: beta"]
        )
    }

    func testDistinctCandidatesAndFallbacksAreAccepted() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = [\"alpha\"]\nfallback_variants = [\"beta\"]")), env: env)
        assertNoDiagnostic(outcome, .experimentationDuplicateVariant)
        assertNoDiagnostic(outcome, .experimentationUnknownVariant)
        assertNoErrors(outcome)
    }

    func testNegativeExperimentationWeightIsAnError() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = { alpha = 1.0, beta = -0.5 }")), env: env)
        assertDiagnostic(
            outcome, .experimentationNegativeWeight, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "beta = "),
            messageContains: ["Invalid weight for variant `beta` in static experimentation config: -0.5"]
        )
        assertNoDiagnostic(compile(function(experimentation: staticExperimentation("candidate_variants = { alpha = 1.0, beta = 0.0 }")), env: env),
                           .experimentationNegativeWeight)
    }

    func testEmptyCandidatesWithoutFallbacksHaveNothingToSample() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = []")), env: env)
        assertDiagnostic(
            outcome, .experimentationNothingSampleable, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "[functions.answer.experimentation]"),
            messageContains: ["Experimentation config has no active candidate variants and no fallback variants. At least one is required."]
        )
    }

    /// Conformance case 256: candidates whose weights are all zero are not *active*; without fallbacks
    /// TensorZero rejects the config.
    func testAllZeroCandidateWeightsWithoutFallbacksHaveNothingToSample() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = { alpha = 0.0, beta = 0.0 }")), env: env)
        assertDiagnostic(
            outcome, .experimentationNothingSampleable, .error, path: "functions.answer.experimentation",
            at: outcome.position(of: "[functions.answer.experimentation]"),
            messageContains: ["no active candidate variants and no fallback variants"]
        )
    }

    func testZeroWeightCandidatesWithAFallbackOrEmptyCandidatesWithAFallbackAreAccepted() {
        for body in ["candidate_variants = { alpha = 0.0 }\nfallback_variants = [\"beta\"]", "candidate_variants = []\nfallback_variants = [\"beta\"]"] {
            let outcome = compile(function(experimentation: staticExperimentation(body)), env: env)
            assertNoDiagnostic(outcome, .experimentationNothingSampleable)
            assertNoErrors(outcome)
        }
    }

    func testUniformWithoutListsSamplesEveryVariantAndIsAccepted() {
        let outcome = compile(function(experimentation: "[functions.answer.experimentation]\ntype = \"uniform\"\n"), env: env)
        assertNoDiagnostic(outcome, .experimentationNothingSampleable)
        assertNoErrors(outcome)
    }

    /// Conformance cases 044/045: TensorZero ignores unknown keys inside experimentation tables.
    func testUnknownKeysInsideExperimentationAreIgnored() {
        let outcome = compile(function(experimentation: staticExperimentation("candidate_variants = [\"alpha\"]\nenable_agi = true")), env: env)
        assertNoDiagnostic(outcome, .unknownField)
        assertNoErrors(outcome)
    }
}
