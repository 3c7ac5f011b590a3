import XCTest
@testable import SwitchyardEngine
@testable import SwitchyardSimulator

/// Counting a phase's results: what expectations are checked against.
final class PhaseStatisticsTests: XCTestCase {
    private let providerError = InferenceError.allModelProvidersFailed([
        .init(provider: "p", error: .providerStatus(providerType: "openai", status: 500, body: "boom")),
    ])

    func testCountsSuccessesByUpstreamVariantAndCredential() {
        var statistics = PhaseStatistics()
        statistics.record(inferenceResult(variant: "v1", model: "m1", provider: "p", credential: "env::KEY1", latencyMs: 120, attempts: 1))
        statistics.record(inferenceResult(variant: "v1", model: "m1", provider: "p", credential: "env::KEY1", latencyMs: 100, attempts: 2))
        statistics.record(inferenceResult(variant: "v2", model: "m2", provider: "q", credential: "env::HOUSE", fallback: true, attempts: 1))
        statistics.record(inferenceResult(variant: "v2", model: "m2", provider: "q", credential: "env::HOUSE", fallback: true, attempts: 1))
        statistics.record(inferenceResult(
            variant: "short", model: "openai::gpt-4o-mini", provider: "openai", credential: "env::OPENAI_API_KEY", attempts: 1
        ))
        statistics.finish()
        XCTAssertEqual(statistics.requests, 5)
        XCTAssertEqual(statistics.successes, 5)
        XCTAssertEqual(statistics.byStatus, [200: 5])
        XCTAssertEqual(statistics.servedBy, ["m1.p": 2, "m2.q": 2, "openai::gpt-4o-mini": 1])
        XCTAssertEqual(statistics.byVariant, ["v1": 2, "v2": 2, "short": 1])
        XCTAssertEqual(statistics.byCredential, ["env::KEY1": 2, "env::HOUSE": 2, "env::OPENAI_API_KEY": 1])
        XCTAssertEqual(statistics.fallbackCredential, 2)
        XCTAssertEqual(statistics.attempts, 6)
        XCTAssertEqual(statistics.errors, [:])
        XCTAssertEqual(statistics.latencies.sorted(), [0, 0, 0, 100_000_000, 120_000_000])
    }

    func testFailuresCountTheirStatusAttemptsAndMessageButServeNothing() {
        var statistics = PhaseStatistics()
        statistics.record(inferenceResult(status: 500, variant: "pinned", model: nil, provider: nil, credential: nil, error: providerError, attempts: 2))
        statistics.record(inferenceResult(status: 500, variant: "pinned", model: nil, provider: nil, credential: nil, error: providerError, attempts: 2))
        statistics.record(inferenceResult(status: 404, variant: nil, model: nil, provider: nil, credential: nil, error: .unknownFunction("g"), attempts: 0))
        statistics.finish()
        XCTAssertEqual(statistics.requests, 3)
        XCTAssertEqual(statistics.successes, 0)
        XCTAssertEqual(statistics.byStatus, [500: 2, 404: 1])
        XCTAssertEqual(statistics.attempts, 4)
        XCTAssertEqual(statistics.errors, [providerError.message: 2, "Unknown function: g": 1])
        XCTAssertEqual(statistics.byVariant, [:], "a pinned failure names its variant but served nothing")
        XCTAssertEqual(statistics.servedBy, [:])
        XCTAssertEqual(statistics.latencies.count, 3)
    }

    func testDifferentErrorsWithTheSameMessageAreCountedTogether() {
        var statistics = PhaseStatistics()
        statistics.record(inferenceResult(status: 404, error: .unknownFunction("g")))
        statistics.record(inferenceResult(status: 404, error: .unknownFunction("g")))
        statistics.finish()
        XCTAssertEqual(statistics.errors, ["Unknown function: g": 2])
    }

    func testManyDistinctServingsAreAllCounted() {
        var statistics = PhaseStatistics()
        for round in 0..<3 {
            for variant in 0..<40 {
                statistics.record(inferenceResult(variant: "v\(variant)", model: "m\(variant % 5)", credential: "env::K\(variant % 7)", fallback: round == 0))
            }
        }
        statistics.finish()
        XCTAssertEqual(statistics.requests, 120)
        XCTAssertEqual(statistics.byVariant.count, 40)
        XCTAssertTrue(statistics.byVariant.values.allSatisfy { $0 == 3 }, "\(statistics.byVariant)")
        XCTAssertEqual(statistics.servedBy, ["m0.p": 24, "m1.p": 24, "m2.p": 24, "m3.p": 24, "m4.p": 24])
        XCTAssertEqual(statistics.byCredential.values.reduce(0, +), 120)
        XCTAssertEqual(statistics.byCredential["env::K0"], 18)
        XCTAssertEqual(statistics.fallbackCredential, 40)
    }

    func testPercentilesUseTheNearestRank() {
        var statistics = PhaseStatistics()
        for ms in (1...100).reversed() { statistics.record(inferenceResult(latencyMs: Int64(ms))) }
        statistics.finish()
        XCTAssertEqual(statistics.latencyPercentile(0.5), 50)
        XCTAssertEqual(statistics.latencyPercentile(0.99), 99)
        XCTAssertEqual(statistics.latencyPercentile(1.0), 100)
        XCTAssertEqual(statistics.latencyPercentile(0.0), 1)
        XCTAssertEqual(statistics.latencyPercentile(0.001), 1)
    }

    func testPercentilesOfFewRequestsRoundTheRankUp() {
        var statistics = PhaseStatistics()
        for ms in [7, 3, 9, 1, 5, 10, 2, 8, 4, 6] { statistics.record(inferenceResult(latencyMs: Int64(ms))) }
        XCTAssertEqual(statistics.latencyPercentile(0.5), 5)
        XCTAssertEqual(statistics.latencyPercentile(0.99), 10)
        XCTAssertEqual(statistics.latencyPercentile(0.51), 6)
    }

    func testPercentilesKeepFractionsOfAMillisecond() {
        var statistics = PhaseStatistics()
        statistics.record(InferenceResult(
            status: 200, variant: "v", model: "m", provider: "p", credential: nil, usedFallbackCredential: false, response: nil, error: nil,
            episodeID: EpisodeID(high: 0, low: 0), start: 1_000, end: 1_000 + 2_500_000, attemptCount: 1, trace: []
        ))
        XCTAssertEqual(statistics.latencyPercentile(0.5), 2.5)
        XCTAssertEqual(statistics.latencyPercentile(0.99), 2.5)
    }

    func testNoRequestsHaveNoPercentile() {
        XCTAssertNil(PhaseStatistics().latencyPercentile(0.5))
    }
}
