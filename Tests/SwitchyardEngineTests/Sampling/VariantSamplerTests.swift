import XCTest
import SwitchyardConfig
import SwitchyardPlan
@testable import SwitchyardEngine

/// The sampler on its own (reference §3.3), over sampling plans compiled from real configs: the order in which a
/// request whose variants all fail would try them, for a given draw `u`.
final class VariantSamplerTests: XCTestCase {
    /// The sampler of function `f` in `toml`, with the variant names in name order.
    private func sampler(_ toml: String, file: StaticString = #filePath, line: UInt = #line) throws -> (VariantSampler, [String]) {
        let engine = try makeEngine(toml, env: TestConfig.env, file: file, line: line)
        let function = try XCTUnwrap(engine.plan.functions["f"], file: file, line: line)
        let names = function.variants.keys.sorted()
        return (VariantSampler(function.sampling, names: names), names)
    }

    /// The variants `sampler` picks one after another with draw `u`, each removed before the next pick, until it fails.
    private func walk(_ sampler: VariantSampler, _ names: [String], u: Double) -> [String] {
        var active = VariantSet(all: names.count)
        var order: [String] = []
        while case .success(let chosen) = sampler.sample(u, from: active) {
            guard active.contains(chosen) else {
                XCTFail("the sampler chose \(names[chosen]), which is not active")
                break
            }
            active.remove(chosen)
            order.append(names[chosen])
        }
        return order
    }

    private func variants(_ names: [String], extra: [String: String] = [:], experimentation: String = "") -> String {
        TestConfig.variantsWithOwnModels(names, extra: extra, experimentation: experimentation)
    }

    func testStaticWeightsAccumulateInNameOrderNotListedOrder() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c"], experimentation: """
            type = "static"
            candidate_variants = { c = 0.25, b = 0.25, a = 0.5 }
            """))
        XCTAssertEqual(names, ["a", "b", "c"])
        // a covers [0, 0.5), b [0.5, 0.75), c [0.75, 1): the first variant whose cumulative weight exceeds u·total.
        XCTAssertEqual(walk(sampler, names, u: 0.0).first, "a")
        XCTAssertEqual(walk(sampler, names, u: 0.4999).first, "a")
        XCTAssertEqual(walk(sampler, names, u: 0.5).first, "b")
        XCTAssertEqual(walk(sampler, names, u: 0.7499).first, "b")
        XCTAssertEqual(walk(sampler, names, u: 0.75).first, "c")
        XCTAssertEqual(walk(sampler, names, u: 0.9999).first, "c")
    }

    func testTheSameDrawIsReusedOnTheShrinkingPool() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c"], experimentation: """
            type = "static"
            candidate_variants = { a = 0.5, b = 0.25, c = 0.25 }
            """))
        // u = 0.9: c first; then {a, b} with total 0.75 and threshold 0.675 → b; then a.
        XCTAssertEqual(walk(sampler, names, u: 0.9), ["c", "b", "a"])
        // u = 0.6: b first; then {a, c}, threshold 0.45 → a; then c.
        XCTAssertEqual(walk(sampler, names, u: 0.6), ["b", "a", "c"])
        XCTAssertEqual(walk(sampler, names, u: 0.1), ["a", "b", "c"])
    }

    func testFallbacksFollowCandidatesInListedOrderAndOthersAreNeverTried() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c", "d"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0 }
            fallback_variants = ["c", "b"]
            """))
        XCTAssertEqual(walk(sampler, names, u: 0.99), ["a", "c", "b"])
        XCTAssertEqual(walk(sampler, names, u: 0.0), ["a", "c", "b"])
    }

    func testZeroWeightCandidateIsTriedLastThroughTheSafetyNet() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c", "d"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0, b = 0.0 }
            fallback_variants = ["c"]
            """))
        XCTAssertEqual(walk(sampler, names, u: 0.3), ["a", "c", "b"])
    }

    func testSafetyNetIsUniformWithTheSameDrawAmongZeroWeightCandidates() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0, b = 0.0, c = 0.0 }
            """))
        // After a, the pool is {b, c}: index ⌊u·2⌋.
        XCTAssertEqual(walk(sampler, names, u: 0.3), ["a", "b", "c"])
        XCTAssertEqual(walk(sampler, names, u: 0.7), ["a", "c", "b"])
    }

    func testADrawJustBelowOneNeverPicksAZeroWeightCandidateFirst() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0, b = 1.0, c = 0.0 }
            """))
        XCTAssertEqual(walk(sampler, names, u: 1.0.nextDown), ["b", "a", "c"])
    }

    func testWithoutExperimentationSamplingIsUniformByIndex() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c"]))
        // ⌊u·n⌋ into the sorted pool: u = 0.7 → c (of 3), then b (⌊1.4⌋ of 2), then a.
        XCTAssertEqual(walk(sampler, names, u: 0.7), ["c", "b", "a"])
        XCTAssertEqual(walk(sampler, names, u: 0.0), ["a", "b", "c"])
        XCTAssertEqual(walk(sampler, names, u: 0.34), ["b", "a", "c"])
    }

    func testLegacyWeightZeroIsNeverSampledAndUnweightedVariantsAreFallbacks() throws {
        let (sampler, names) = try sampler(variants(["a", "b", "c"], extra: ["a": "weight = 1.0", "b": "weight = 0.0"]))
        XCTAssertEqual(walk(sampler, names, u: 0.5), ["a", "c"])
        XCTAssertEqual(walk(sampler, names, u: 0.99), ["a", "c"])
    }

    func testLegacyWeightsAllZeroSampleEveryVariantUniformly() throws {
        let (sampler, names) = try sampler(variants(["a", "b"], extra: ["a": "weight = 0.0", "b": "weight = 0.0"]))
        XCTAssertEqual(walk(sampler, names, u: 0.7), ["b", "a"])
        XCTAssertEqual(walk(sampler, names, u: 0.2), ["a", "b"])
    }

    func testLegacyPositiveWeightsAreCumulativeInNameOrder() throws {
        let (sampler, names) = try sampler(variants(["a", "b"], extra: ["a": "weight = 3.0", "b": "weight = 1.0"]))
        XCTAssertEqual(walk(sampler, names, u: 0.74), ["a", "b"])
        XCTAssertEqual(walk(sampler, names, u: 0.76), ["b", "a"])
    }

    func testNothingActiveFails() throws {
        let (sampler, _) = try sampler(variants(["a"]))
        guard case .failure = sampler.sample(0.5, from: VariantSet()) else { return XCTFail("sampling from no variants must fail") }
    }
}
