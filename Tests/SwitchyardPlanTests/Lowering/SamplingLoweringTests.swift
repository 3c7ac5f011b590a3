import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// How a function's experimentation (or legacy weights) becomes its sampling plan (reference §3.3).
final class SamplingLoweringTests: XCTestCase {
    private let env = Snippet.openAIEnvironment.merging(["TENSORZERO_POSTGRES_URL": "postgres://db"]) { $1 }

    /// A chat function `answer` whose variants are `name → extra lines`, written in the given order.
    private func function(_ variants: [(String, String)], experimentation: String = "") -> String {
        var text = Snippet.openAIModel("gpt") + "[functions.answer]\ntype = \"chat\"\n\n"
        for (name, extra) in variants {
            text += "[functions.answer.variants.\(name)]\ntype = \"chat_completion\"\nmodel = \"gpt\"\n\(extra)\n\n"
        }
        return text + experimentation
    }

    private func sampling(_ outcome: CompileOutcome, file: StaticString = #filePath, line: UInt = #line) -> SamplingPlan? {
        XCTAssertTrue(outcome.errors.isEmpty, outcome.listing, file: file, line: line)
        return outcome.plan?.functions["answer"]?.sampling
    }

    private func shares(_ plan: SamplingPlan?) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (plan?.candidates ?? []).map { ($0.variant, $0.share) })
    }

    func testNoExperimentationAndNoWeightsIsUniformOverAllVariantsInNameOrder() {
        let plan = sampling(compile(function([("zeta", ""), ("alpha", ""), ("mid", ""), ("beta", "")]), env: env))
        XCTAssertEqual(plan?.policy, .uniform)
        XCTAssertEqual(plan?.candidates.map(\.variant), ["alpha", "beta", "mid", "zeta"])
        XCTAssertEqual(plan?.candidates.map(\.share), [0.25, 0.25, 0.25, 0.25])
        XCTAssertEqual(plan?.fallbacks, [])
        XCTAssertEqual(plan?.neverSampled, [])
    }

    func testStaticWeightsBecomeShares() {
        let outcome = compile(function(
            [("alpha", ""), ("beta", ""), ("gamma", "")],
            experimentation: "[functions.answer.experimentation]\ntype = \"static\"\ncandidate_variants = { gamma = 1.0, alpha = 3.0 }\nfallback_variants = [\"beta\"]\n"
        ), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(plan?.policy, .staticWeights)
        XCTAssertEqual(plan?.candidates.map(\.variant), ["alpha", "gamma"])
        XCTAssertEqual(plan?.candidates.map(\.weight), [3.0, 1.0])
        XCTAssertEqual(shares(plan), ["alpha": 0.75, "gamma": 0.25])
        XCTAssertEqual(plan?.fallbacks, ["beta"])
        XCTAssertEqual(plan?.neverSampled, [])
    }

    func testCandidateListGivesEachCandidateWeightOne() {
        let plan = sampling(compile(function(
            [("alpha", ""), ("beta", ""), ("gamma", "")],
            experimentation: "[functions.answer.experimentation]\ntype = \"static\"\ncandidate_variants = [\"gamma\", \"alpha\"]\nfallback_variants = [\"beta\"]\n"
        ), env: env))
        XCTAssertEqual(plan?.candidates.map(\.variant), ["alpha", "gamma"])
        XCTAssertEqual(plan?.candidates.map(\.weight), [1.0, 1.0])
        XCTAssertEqual(plan?.candidates.map(\.share), [0.5, 0.5])
    }

    func testFallbacksKeepTheWrittenOrder() {
        let plan = sampling(compile(function(
            [("alpha", ""), ("beta", ""), ("gamma", ""), ("zeta", "")],
            experimentation: "[functions.answer.experimentation]\ntype = \"static\"\ncandidate_variants = [\"alpha\"]\nfallback_variants = [\"zeta\", \"beta\", \"gamma\"]\n"
        ), env: env))
        XCTAssertEqual(plan?.fallbacks, ["zeta", "beta", "gamma"])
    }

    func testVariantInNeitherCandidatesNorFallbacksIsNeverSampled() {
        let outcome = compile(function(
            [("alpha", ""), ("beta", ""), ("orphan", "")],
            experimentation: "[functions.answer.experimentation]\ntype = \"static\"\ncandidate_variants = [\"alpha\"]\nfallback_variants = [\"beta\"]\n"
        ), env: env)
        XCTAssertEqual(sampling(outcome)?.neverSampled, ["orphan"])
        assertDiagnostic(
            outcome, .variantNeverSampled, .warning, path: "functions.answer.variants.orphan", at: outcome.position(of: "orphan]"),
            messageContains: ["variant `orphan` can never be sampled", "variant_name"]
        )
    }

    /// A zero-weight static candidate gets no first choices but stays reachable through TensorZero's uniform
    /// safety net, so it is not reported as never sampled.
    func testZeroWeightStaticCandidateHasNoShareButIsNotNeverSampled() {
        let outcome = compile(function(
            [("alpha", ""), ("beta", ""), ("gamma", "")],
            experimentation: "[functions.answer.experimentation]\ntype = \"static\"\ncandidate_variants = { alpha = 1.0, beta = 0.0 }\nfallback_variants = [\"gamma\"]\n"
        ), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(shares(plan), ["alpha": 1.0, "beta": 0.0])
        XCTAssertEqual(plan?.neverSampled, [])
        assertNoDiagnostic(outcome, .variantNeverSampled)
    }

    func testLegacyWeightsMakePositiveWeightsCandidatesAndUnweightedVariantsFallbacks() {
        let outcome = compile(function([("alpha", "weight = 3"), ("beta", "weight = 1"), ("backup", "")]), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(plan?.policy, .legacyWeights)
        XCTAssertEqual(shares(plan), ["alpha": 0.75, "beta": 0.25])
        XCTAssertEqual(plan?.fallbacks, ["backup"])
        XCTAssertEqual(plan?.fallbackOrderUnspecified, false)
        XCTAssertEqual(plan?.neverSampled, [])
    }

    /// §3.3: `weight = 0` excludes a legacy variant entirely: never sampled, never a fallback.
    func testLegacyZeroWeightVariantIsExcludedAndReportedAsNeverSampled() {
        let outcome = compile(function([("alpha", "weight = 1"), ("shadow", "weight = 0"), ("backup", "")]), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(plan?.candidates.map(\.variant), ["alpha"])
        XCTAssertEqual(plan?.fallbacks, ["backup"])
        XCTAssertEqual(plan?.neverSampled, ["shadow"])
        assertDiagnostic(
            outcome, .variantNeverSampled, .warning, path: "functions.answer.variants.shadow", at: outcome.position(of: "shadow]"),
            messageContains: ["variant `shadow` can never be sampled", "pinned"]
        )
    }

    func testLegacyZeroWeightBestOfNCandidateIsReportedAsCandidateOnly() {
        let best = "[functions.answer.variants.best]\ntype = \"experimental_best_of_n_sampling\"\ncandidates = [\"shadow\", \"shadow\"]\nweight = 1\n\n[functions.answer.variants.best.evaluator]\nmodel = \"gpt\"\n"
        let outcome = compile(function([("shadow", "weight = 0")]) + best, env: env)
        XCTAssertEqual(sampling(outcome)?.neverSampled, ["shadow"])
        assertDiagnostic(
            outcome, .variantNeverSampled, .warning, path: "functions.answer.variants.shadow", at: outcome.position(of: "shadow]"),
            messageContains: ["candidate of another variant"]
        )
    }

    func testSeveralUnweightedLegacyVariantsHaveAnUnspecifiedFallbackOrder() {
        let outcome = compile(function([("alpha", "weight = 1"), ("second", ""), ("first", "")]), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(Set(plan?.fallbacks ?? []), ["first", "second"])
        XCTAssertEqual(plan?.fallbackOrderUnspecified, true)
        XCTAssertTrue(outcome.diagnostics(.deprecatedWeight).contains { $0.severity == .note && $0.message.contains("order") }, outcome.listing)
    }

    /// §3.3 edge case: every variant has `weight = 0`, so the safety net samples all of them uniformly.
    func testLegacyAllZeroWeightsFallBackToUniformOverAllVariants() {
        let outcome = compile(function([("alpha", "weight = 0"), ("beta", "weight = 0")]), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(shares(plan), ["alpha": 0.5, "beta": 0.5])
        XCTAssertEqual(plan?.neverSampled, [])
        assertNoDiagnostic(outcome, .variantNeverSampled)
    }

    func testUniformExperimentationWithoutListsCoversEveryVariant() {
        let plan = sampling(compile(function(
            [("beta", ""), ("alpha", ""), ("gamma", "")], experimentation: "[functions.answer.experimentation]\ntype = \"uniform\"\n"
        ), env: env))
        XCTAssertEqual(plan?.candidates.map(\.variant), ["alpha", "beta", "gamma"])
        XCTAssertEqual(plan?.candidates.map(\.share).map { ($0 * 1000).rounded() / 1000 }, [0.333, 0.333, 0.333])
        XCTAssertEqual(plan?.fallbacks, [])
        XCTAssertEqual(plan?.neverSampled, [])
    }

    func testAdaptiveStartsWithEqualSharesOverItsCandidates() {
        let outcome = compile(function(
            [("alpha", ""), ("beta", ""), ("gamma", "")],
            experimentation: "[functions.answer.experimentation]\ntype = \"adaptive\"\nmetric = \"ok\"\ncandidate_variants = [\"alpha\", \"beta\"]\nfallback_variants = [\"gamma\"]\n\n[metrics.ok]\ntype = \"boolean\"\noptimize = \"max\"\nlevel = \"inference\"\n"
        ), env: env)
        let plan = sampling(outcome)
        XCTAssertEqual(plan?.policy, .adaptive)
        XCTAssertEqual(shares(plan), ["alpha": 0.5, "beta": 0.5])
        XCTAssertEqual(plan?.fallbacks, ["gamma"])
    }
}
