import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// Timeouts at the three levels (reference §2.5): a provider timeout moves to the next provider, a model
/// timeout ends the model call (and may be retried), a variant timeout ends the variant, retries included.
final class TimeoutTests: XCTestCase {
    private func timeouts(_ ms: Int) -> String { "timeouts = { non_streaming = { total_ms = \(ms) } }" }

    func testAProviderTimeoutMovesToTheNextProvider() throws {
        let toml = TestConfig.model("m", providers: [
            ("p1", "api_key_location = \"env::KEY\"\n" + timeouts(500)), ("p2", "api_key_location = \"env::KEY\""),
        ]) + TestConfig.function(variants: [("v", "m", "")])
        let run = drive(try makeEngine(toml, env: TestConfig.env), request(), replies: ["m.p1": [.hang]])
        XCTAssertEqual(run.attempts.first?.deadline, .milliseconds(500))
        XCTAssertEqual(run.calls, ["m.p1", "m.p2"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.provider, "p2")
        XCTAssertEqual(outcomes(run.result.trace), [.timedOut(level: "provider"), .success])
        XCTAssertEqual(run.result.trace.first?.end, .milliseconds(500))
        XCTAssertNil(run.attempts.last?.deadline, "p2 has no timeout of its own")
    }

    func testProviderTimeoutsAreReportedWithTheirBound() throws {
        let toml = TestConfig.model("m", providers: [
            ("p1", "api_key_location = \"env::KEY\"\n" + timeouts(500)), ("p2", "api_key_location = \"env::KEY\"\n" + timeouts(700)),
        ]) + TestConfig.function(variants: [("v", "m", "")])
        let run = drive(try makeEngine(toml, env: TestConfig.env), request(pinned: "v"), replies: ["m.p1": [.hang], "m.p2": [.ok(ms: 900)]])
        XCTAssertEqual(run.result.status, 500)
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: "
            + "p1: Model provider p1 timed out due to configured `non_streaming.total_ms` timeout (500ms), "
            + "p2: Model provider p2 timed out due to configured `non_streaming.total_ms` timeout (700ms)")
        XCTAssertEqual(run.attempts.map(\.deadline), [.milliseconds(500), .milliseconds(1_200)])
        XCTAssertEqual(run.result.end, .milliseconds(1_200))
    }

    private func modelTimeoutConfig(retries: Int) -> String {
        TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\""), ("p2", "api_key_location = \"env::KEY\"")], extra: timeouts(1_000))
            + TestConfig.function(variants: [("v", "m", "retries = { num_retries = \(retries) }")])
    }

    func testAModelTimeoutCoversEveryProviderOfTheCall() throws {
        let run = drive(try makeEngine(modelTimeoutConfig(retries: 0), env: TestConfig.env), request(pinned: "v"), replies: [
            "m.p1": [.status(500, ms: 600)], "m.p2": [.hang],
        ])
        XCTAssertEqual(run.attempts.map(\.deadline), [.milliseconds(1_000), .milliseconds(1_000)])
        XCTAssertEqual(run.result.status, 408)
        XCTAssertEqual(run.message, "Model m timed out due to configured `non_streaming.total_ms` timeout (1s)")
        XCTAssertEqual(outcomes(run.result.trace), [.status(500), .timedOut(level: "model")])
    }

    func testAModelTimeoutSkipsTheRemainingProvidersAndIsRetried() throws {
        let run = drive(try makeEngine(modelTimeoutConfig(retries: 1), env: TestConfig.env), request(pinned: "v"), replies: [
            "m.p1": [.hang, .ok(ms: 10)],
        ])
        XCTAssertEqual(run.calls, ["m.p1", "m.p1"], "p2 is never tried once the model's deadline passed")
        XCTAssertEqual(run.sleeps.count, 1)
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.attemptCount, 2)
        XCTAssertEqual(outcomes(run.result.trace), [.timedOut(level: "model"), .success])
        let retry = try XCTUnwrap(run.attempts.last)
        XCTAssertEqual(retry.deadline, retry.start + .milliseconds(1_000), "each model call has its own deadline")
    }

    func testRetriedModelTimeoutsAreReportedAsAllRetriesFailedWith408() throws {
        let run = drive(try makeEngine(modelTimeoutConfig(retries: 1), env: TestConfig.env), request(pinned: "v"), replies: ["m.p1": [.hang]])
        let once = "Model m timed out due to configured `non_streaming.total_ms` timeout (1s)"
        XCTAssertEqual(run.result.status, 408)
        XCTAssertEqual(run.message, "All retries failed with errors: \(once), \(once)")
    }

    private func variantTimeoutConfig(ms: Int, retries: Int) -> String {
        TestConfig.variantsWithOwnModels(["a", "b"], extra: ["a": "retries = { num_retries = \(retries) }\n" + timeouts(ms)])
    }

    func testAVariantTimeoutDuringBackoffEndsTheVariantDespiteRemainingRetries() throws {
        let engine = try makeEngine(variantTimeoutConfig(ms: 2_500, retries: 5), env: TestConfig.env)
        let pinned = drive(engine, request(pinned: "a"), replies: ["m_a.p": [.status(500)]])
        // Attempt at 0, backoff in [1 s, 2 s), attempt, backoff of at least 2 s cut short at 2.5 s.
        XCTAssertEqual(pinned.attempts.count, 2)
        XCTAssertEqual(pinned.sleeps.last?.until, .milliseconds(2_500))
        XCTAssertEqual(pinned.result.status, 408)
        XCTAssertEqual(pinned.message, "Variant `a` timed out due to configured `non_streaming.total_ms` timeout (2.5s)")
        XCTAssertEqual(pinned.result.end, .milliseconds(2_500))
        XCTAssertEqual(pinned.result.variant, "a")
    }

    func testAVariantTimeoutFallsBackToTheNextVariant() throws {
        let engine = try makeEngine(variantTimeoutConfig(ms: 2_500, retries: 5), env: TestConfig.env)
        let run = drive(engine, request(episode: Episodes.u024), replies: ["m_a.p": [.status(500)]])
        XCTAssertEqual(run.variants, ["a", "a", "b"])
        XCTAssertEqual(run.result.variant, "b")
        XCTAssertEqual(run.attempts.last?.start, .milliseconds(2_500))
    }

    func testAVariantTimeoutDuringAnAttemptIsTracedAtTheVariantLevel() throws {
        let engine = try makeEngine(variantTimeoutConfig(ms: 300, retries: 2), env: TestConfig.env)
        let run = drive(engine, request(pinned: "a"), replies: ["m_a.p": [.hang]])
        XCTAssertEqual(run.attempts.first?.deadline, .milliseconds(300))
        XCTAssertEqual(run.attempts.count, 1, "no retry after the variant's deadline")
        XCTAssertEqual(run.result.status, 408)
        XCTAssertEqual(run.message, "Variant `a` timed out due to configured `non_streaming.total_ms` timeout (300ms)")
        XCTAssertEqual(outcomes(run.result.trace), [.timedOut(level: "variant")])
    }

    func testAnAttemptCarriesTheEarliestOfItsThreeDeadlines() throws {
        let toml = TestConfig.model("m", providers: [("p", "api_key_location = \"env::KEY\"\n" + timeouts(900))], extra: timeouts(600))
            + TestConfig.function(variants: [("v", "m", timeouts(2_000))])
        let attempt = try XCTUnwrap(firstAttempt(try makeEngine(toml, env: TestConfig.env), request(), at: .milliseconds(10)))
        XCTAssertEqual(attempt.deadline, .milliseconds(610))
    }

    func testStreamingRequestsUseTheEarlierStreamingBoundAndIgnoreNonStreaming() throws {
        let streamingTimeouts = "timeouts = { non_streaming = { total_ms = 50 }, streaming = { ttft_ms = 300, total_ms = 1000 } }"
        let toml = TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\"\n" + streamingTimeouts)])
            + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let streamed = drive(engine, request(pinned: "v", stream: true), replies: ["m.p1": [.hang]])
        XCTAssertEqual(streamed.attempts.first?.deadline, .milliseconds(300))
        XCTAssertEqual(streamed.attempts.first?.stream, true)
        XCTAssertEqual(streamed.message, "All model providers failed to infer with errors: "
            + "p1: Model provider p1 timed out due to configured `streaming.ttft_ms` timeout (300ms)")
        XCTAssertEqual(firstAttempt(engine, request(pinned: "v"))?.deadline, .milliseconds(50))
    }

    func testStreamingTotalBelowTTFTNamesTheTotalBound() throws {
        let streamingTimeouts = "timeouts = { streaming = { ttft_ms = 800, total_ms = 400 } }"
        let toml = TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\"\n" + streamingTimeouts)])
            + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let run = drive(engine, request(pinned: "v", stream: true), replies: ["m.p1": [.hang]])
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: "
            + "p1: Model provider p1 timed out due to configured `streaming.total_ms` timeout (400ms)")
        XCTAssertNil(firstAttempt(engine, request(pinned: "v"))?.deadline, "a non-streaming request has no streaming deadline")
    }
}
