import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A variant's `retries` (reference §3.2): each retry re-runs the whole routing loop after a backoff, at most
/// `num_retries` times, and several failures are reported as `All retries failed`.
final class RetryTests: XCTestCase {
    private func config(retries: String) -> String {
        TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\""), ("p2", "api_key_location = \"env::KEY\"")])
            + TestConfig.function(variants: [("v", "m", "retries = \(retries)")])
    }

    private let providersFailed = "All model providers failed to infer with errors: p1: Error from openai server: body 500, "
        + "p2: Error from openai server: body 503"

    func testEachRetryRerunsTheWholeRoutingLoopUpToNumRetries() throws {
        let engine = try makeEngine(config(retries: "{ num_retries = 2 }"), env: TestConfig.env)
        let run = drive(engine, request(pinned: "v"), replies: ["m.p1": [.status(500)], "m.p2": [.status(503)]])
        XCTAssertEqual(run.calls, ["m.p1", "m.p2", "m.p1", "m.p2", "m.p1", "m.p2"])
        XCTAssertEqual(run.sleeps.count, 2)
        XCTAssertEqual(run.result.attemptCount, 6)
        XCTAssertEqual(run.result.status, 500, "the status of the last error")
        XCTAssertEqual(run.message, "All retries failed with errors: \(providersFailed), \(providersFailed), \(providersFailed)")
        guard case .allRetriesFailed(let errors)? = run.result.error else { return XCTFail("expected AllRetriesFailed") }
        XCTAssertEqual(errors.count, 3)
    }

    func testWithoutRetriesTheSingleErrorIsNotWrapped() throws {
        let engine = try makeEngine(config(retries: "{ num_retries = 0 }"), env: TestConfig.env)
        let run = drive(engine, request(pinned: "v"), replies: ["m.p1": [.status(500)], "m.p2": [.status(503)]])
        XCTAssertEqual(run.calls, ["m.p1", "m.p2"])
        XCTAssertTrue(run.sleeps.isEmpty)
        XCTAssertEqual(run.message, providersFailed)
    }

    func testTheDefaultIsNoRetry() throws {
        let engine = try makeEngine(TestConfig.simpleModel("m") + TestConfig.function(variants: [("v", "m", "")]), env: TestConfig.env)
        let run = drive(engine, request(pinned: "v"), replies: ["m.p": [.status(500)]])
        XCTAssertEqual(run.attempts.count, 1)
        XCTAssertTrue(run.sleeps.isEmpty)
    }

    func testARetryThatSucceedsServesTheRequestAfterTheBackoff() throws {
        let engine = try makeEngine(config(retries: "{ num_retries = 3 }"), env: TestConfig.env)
        let run = drive(engine, request(pinned: "v"), replies: ["m.p1": [.status(500), .ok(ms: 40)], "m.p2": [.status(503)]])
        XCTAssertEqual(run.calls, ["m.p1", "m.p2", "m.p1"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.provider, "p1")
        XCTAssertEqual(run.result.attemptCount, 3)
        XCTAssertEqual(run.sleeps.count, 1)
        let sleep = try XCTUnwrap(run.sleeps.first)
        XCTAssertEqual(run.attempts[2].start, sleep.until, "the retry starts when the backoff ends")
        XCTAssertEqual(run.result.end, sleep.until + .milliseconds(40))
    }

    func testAFailedVariantWithRetriesFallsBackToTheNextVariantAfterItsLastRetry() throws {
        let toml = TestConfig.variantsWithOwnModels(["a", "b"], extra: ["a": "retries = { num_retries = 1 }"])
        let run = drive(try makeEngine(toml, env: TestConfig.env), request(episode: Episodes.u024), replies: ["m_a.p": [.status(500)]])
        XCTAssertEqual(run.variants, ["a", "a", "b"])
        XCTAssertEqual(run.result.variant, "b")
        XCTAssertEqual(run.sleeps.count, 1)
    }

    func testSampledRetryFailuresAreNestedInAllVariantsFailed() throws {
        let toml = TestConfig.simpleModel("m") + TestConfig.function(variants: [("v", "m", "retries = { num_retries = 1 }")])
        let run = drive(try makeEngine(toml, env: TestConfig.env), request(), replies: ["m.p": [.status(500)]])
        let once = "All model providers failed to infer with errors: p: Error from openai server: body 500"
        XCTAssertEqual(run.result.status, 502)
        XCTAssertEqual(run.message, "All variants failed with errors: v: All retries failed with errors: \(once), \(once)")
    }

    func testBackoffDoublesFromOneSecondWithJitterUpToTheDelay() throws {
        let engine = try makeEngine(config(retries: "{ num_retries = 4, max_delay_s = 100 }"), env: TestConfig.env)
        var jittered = false
        for seed in UInt64(1)...25 {
            let run = drive(engine, request(pinned: "v"), replies: ["m.p1": [.status(500)], "m.p2": [.status(503)]], jitterSeed: seed)
            XCTAssertEqual(run.sleeps.count, 4)
            for (retry, sleep) in run.sleeps.enumerated() {
                let base = Nanoseconds(1_000_000_000) << retry
                let delay = sleep.until - sleep.at
                XCTAssertGreaterThanOrEqual(delay, base, "retry \(retry), seed \(seed)")
                XCTAssertLessThanOrEqual(delay, 2 * base, "retry \(retry), seed \(seed)")
                if delay != base { jittered = true }
            }
        }
        XCTAssertTrue(jittered, "backoff has jitter")
    }

    func testBackoffIsCappedAtMaxDelayBeforeJitter() throws {
        let engine = try makeEngine(config(retries: "{ num_retries = 5, max_delay_s = 3 }"), env: TestConfig.env)
        for seed in UInt64(1)...25 {
            let run = drive(engine, request(pinned: "v"), replies: ["m.p1": [.status(500)], "m.p2": [.status(503)]], jitterSeed: seed)
            XCTAssertEqual(run.sleeps.count, 5)
            for (retry, sleep) in run.sleeps.enumerated() {
                let base = min(Nanoseconds(1_000_000_000) << retry, 3_000_000_000)
                let delay = sleep.until - sleep.at
                XCTAssertGreaterThanOrEqual(delay, base, "retry \(retry), seed \(seed)")
                XCTAssertLessThanOrEqual(delay, 2 * base, "retry \(retry), seed \(seed)")
            }
        }
    }

    func testTheSameJitterSeedGivesTheSameDelaysAndOthersDiffer() throws {
        let engine = try makeEngine(config(retries: "{ num_retries = 3 }"), env: TestConfig.env)
        let replies: [String: [Reply]] = ["m.p1": [.status(500)], "m.p2": [.status(503)]]
        func delays(_ seed: UInt64) -> [Nanoseconds] {
            drive(engine, request(pinned: "v"), replies: replies, jitterSeed: seed).sleeps.map { $0.until - $0.at }
        }
        XCTAssertEqual(delays(7), delays(7))
        XCTAssertNotEqual(delays(7), delays(8))
    }
}
