import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// The sampling loop end to end (reference §3.3): the per-episode draw picks the variant, a failed variant falls
/// back to the next one with the same draw, a pinned variant runs alone, and the final errors are nested and
/// numbered as TensorZero does (§5.3).
final class VariantFallbackTests: XCTestCase {
    private let staticABC = TestConfig.variantsWithOwnModels(["a", "b", "c"], experimentation: """
        type = "static"
        candidate_variants = { c = 0.25, b = 0.25, a = 0.5 }
        """)

    private let allFail: [String: [Reply]] = ["m_a.p": [.status(500)], "m_b.p": [.status(500)], "m_c.p": [.status(500)], "m_d.p": [.status(500)]]

    private func providersFailed(_ status: Int = 500) -> String {
        "All model providers failed to infer with errors: p: Error from openai server: body \(status)"
    }

    func testTheEpisodeDrawPicksTheVariantByCumulativeWeightInNameOrder() throws {
        let engine = try makeEngine(staticABC, env: TestConfig.env)
        // a covers u ∈ [0, 0.5), b [0.5, 0.75), c [0.75, 1).
        let cases: [(EpisodeID, String)] = [
            (Episodes.u024, "a"), (Episodes.u488, "a"), (Episodes.u625, "b"), (Episodes.u817, "c"), (Episodes.u959, "c"),
        ]
        for (episode, variant) in cases {
            let run = drive(engine, request(episode: episode))
            XCTAssertEqual(run.result.status, 200)
            XCTAssertEqual(run.result.variant, variant, "episode \(episode)")
            XCTAssertEqual(run.result.model, "m_\(variant)")
            XCTAssertEqual(run.result.provider, "p")
            XCTAssertEqual(run.result.credential, "env::KEY")
            XCTAssertEqual(run.result.attemptCount, 1)
            XCTAssertEqual(run.result.episodeID, episode)
            XCTAssertNil(run.result.error)
        }
    }

    func testTheSameEpisodeAlwaysGetsTheSameVariant() throws {
        let engine = try makeEngine(staticABC, env: TestConfig.env)
        let variants = (0..<5).map { _ in drive(engine, request(episode: Episodes.u625)).result.variant }
        XCTAssertEqual(variants, Array(repeating: "b", count: 5))
    }

    func testAFailedVariantFallsBackUsingTheSameDrawOnTheRemainingVariants() throws {
        let engine = try makeEngine(staticABC, env: TestConfig.env)
        // u = 0.6247: b first; then {a, c} with total 0.75 and threshold 0.4685 → a.
        let run = drive(engine, request(episode: Episodes.u625), replies: ["m_b.p": [.status(503)]])
        XCTAssertEqual(run.variants, ["b", "a"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "a")
        XCTAssertEqual(run.result.attemptCount, 2)
    }

    func testWhenEverySampledVariantFailsTheErrorIs502WithOneLinePerVariantInTriedOrder() throws {
        let engine = try makeEngine(staticABC, env: TestConfig.env)
        let run = drive(engine, request(episode: Episodes.u625), replies: allFail)
        XCTAssertEqual(run.variants, ["b", "a", "c"])
        XCTAssertEqual(run.result.status, 502)
        XCTAssertEqual(run.message, "All variants failed with errors: b: \(providersFailed())\na: \(providersFailed())\nc: \(providersFailed())")
        XCTAssertNil(run.result.variant)
        XCTAssertNil(run.result.model)
        XCTAssertNil(run.result.provider)
        XCTAssertEqual(run.result.attemptCount, 3)
        guard case .allVariantsFailed(let errors)? = run.result.error else { return XCTFail("expected AllVariantsFailed") }
        XCTAssertEqual(errors.map(\.variant), ["b", "a", "c"])
    }

    func testUniformSamplingWithoutExperimentationIndexesTheSortedPool() throws {
        let engine = try makeEngine(TestConfig.variantsWithOwnModels(["a", "b", "c"]), env: TestConfig.env)
        // u = 0.3610: ⌊1.08⌋ = 1 → b; then ⌊0.72⌋ = 0 of {a, c} → a; then c.
        let run = drive(engine, request(episode: Episodes.u361), replies: allFail)
        XCTAssertEqual(run.variants, ["b", "a", "c"])
        XCTAssertEqual(drive(engine, request(episode: Episodes.u990)).result.variant, "c")
    }

    func testFallbackVariantsAreTriedInListedOrderAndUnlistedVariantsNever() throws {
        let engine = try makeEngine(TestConfig.variantsWithOwnModels(["a", "b", "c", "d"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0 }
            fallback_variants = ["c", "b"]
            """), env: TestConfig.env)
        let run = drive(engine, request(episode: Episodes.u959), replies: allFail)
        XCTAssertEqual(run.variants, ["a", "c", "b"])
        XCTAssertEqual(run.result.status, 502)
        XCTAssertEqual(run.message, "All variants failed with errors: a: \(providersFailed())\nc: \(providersFailed())\nb: \(providersFailed())")
    }

    func testZeroWeightCandidatesAreTriedLastThroughTheSafetyNet() throws {
        let engine = try makeEngine(TestConfig.variantsWithOwnModels(["a", "b", "c", "d"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0, b = 0.0 }
            fallback_variants = ["c"]
            """), env: TestConfig.env)
        XCTAssertEqual(drive(engine, request(episode: Episodes.u990), replies: allFail).variants, ["a", "c", "b"])
        let served = drive(engine, request(episode: Episodes.u024), replies: ["m_a.p": [.status(500)], "m_c.p": [.status(500)]])
        XCTAssertEqual(served.result.variant, "b")
        XCTAssertEqual(served.result.status, 200)
    }

    func testLegacyWeightZeroIsNeverSampledButCanBePinned() throws {
        let engine = try makeEngine(TestConfig.variantsWithOwnModels(["a", "z"], extra: ["a": "weight = 1.0", "z": "weight = 0.0"]), env: TestConfig.env)
        let sampled = drive(engine, request(episode: Episodes.u990), replies: allFail.merging(["m_z.p": [.status(500)]]) { $1 })
        XCTAssertEqual(sampled.variants, ["a"])
        XCTAssertEqual(sampled.result.status, 502)
        XCTAssertEqual(sampled.message, "All variants failed with errors: a: \(providersFailed())")
        let pinned = drive(engine, request(episode: Episodes.u990, pinned: "z"))
        XCTAssertEqual(pinned.result.status, 200)
        XCTAssertEqual(pinned.result.variant, "z")
    }

    func testPinnedVariantBypassesSamplingAndExperimentation() throws {
        let engine = try makeEngine(TestConfig.variantsWithOwnModels(["a", "b", "z"], experimentation: """
            type = "static"
            candidate_variants = { a = 1.0 }
            fallback_variants = ["b"]
            """), env: TestConfig.env)
        let run = drive(engine, request(episode: Episodes.u024, pinned: "z"))
        XCTAssertEqual(run.variants, ["z"])
        XCTAssertEqual(run.result.variant, "z")
        XCTAssertEqual(run.result.model, "m_z")
    }

    func testAPinnedFailureIs500WithTheProvidersErrorUnwrappedAndNoFallback() throws {
        let engine = try makeEngine(staticABC, env: TestConfig.env)
        let run = drive(engine, request(episode: Episodes.u024, pinned: "c"), replies: allFail)
        XCTAssertEqual(run.variants, ["c"])
        XCTAssertEqual(run.result.status, 500)
        XCTAssertEqual(run.message, providersFailed())
        XCTAssertEqual(run.result.variant, "c")
        guard case .allModelProvidersFailed? = run.result.error else { return XCTFail("expected AllModelProvidersFailed") }
    }

    func testAPinnedFailureKeepsTheUpstreamStatusOutOfTheResponseStatus() throws {
        let engine = try makeEngine(staticABC, env: TestConfig.env)
        let run = drive(engine, request(pinned: "a"), replies: ["m_a.p": [.status(404)]])
        XCTAssertEqual(run.result.status, 500)
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: p: Error 404 Not Found from openai client: body 404")
    }
}
