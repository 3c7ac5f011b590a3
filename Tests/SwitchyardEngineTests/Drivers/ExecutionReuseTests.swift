import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A driver may restart a finished execution for its next request; the restarted execution behaves exactly as a
/// fresh one and keeps nothing of the request it served before.
final class ExecutionReuseTests: XCTestCase {
    private let config = TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\""), ("p2", "api_key_location = \"env::KEY\"")])
        + TestConfig.function(variants: [("v", "m", "retries = { num_retries = 1 }"), ("w", "m", "")])

    /// Steps `execution` from `action` to its result; `answer` says how each attempt ends (all at `now`).
    private func finish(
        _ execution: RequestExecution, from action: EngineAction, at now: Nanoseconds, answer: (ProviderAttempt) -> AttemptOutcome
    ) -> InferenceResult? {
        var action = action
        for _ in 0..<100 {
            switch action {
            case .finished(let result): return result
            case .attempt(let attempt): action = execution.complete(answer(attempt), at: now)
            case .sleep(let until): action = execution.resume(at: until)
            case .candidates:
                XCTFail("these functions have no best-of-N variants")
                return nil
            }
        }
        XCTFail("the request did not finish")
        return nil
    }

    func testARestartedExecutionServesItsNewRequestAsAFreshOneWould() throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let execution = engine.start(request(episode: Episodes.u024), at: 0, jitterSeed: 7)
        let failing = finish(execution, from: execution.next(at: 0), at: 0) { _ in .status(500, body: "down") }
        XCTAssertEqual(failing?.status, 502)
        XCTAssertGreaterThan(failing?.trace.count ?? 0, 2)

        let second = request(episode: Episodes.u959, pinned: "w")
        let onlyP2: (ProviderAttempt) -> AttemptOutcome = { $0.provider.name == "p2" ? .success(okResponse) : .status(500, body: "p1 down") }
        engine.start(engine.prepare(second), episode: Episodes.u959, reusing: execution, at: 5_000, jitterSeed: 3)
        let reused = try XCTUnwrap(finish(execution, from: execution.next(at: 5_000), at: 5_000, answer: onlyP2))
        let fresh = engine.start(second, at: 5_000, jitterSeed: 3)
        let expected = try XCTUnwrap(finish(fresh, from: fresh.next(at: 5_000), at: 5_000, answer: onlyP2))

        XCTAssertEqual(reused.status, 200)
        XCTAssertEqual(reused.variant, "w")
        XCTAssertEqual(reused.provider, "p2")
        XCTAssertEqual(reused.attemptCount, 2, "attempts of the earlier request do not carry over")
        XCTAssertEqual(outcomes(reused.trace), outcomes(expected.trace))
        XCTAssertEqual(reused.trace.map(\.provider), expected.trace.map(\.provider))
        XCTAssertEqual(reused.episodeID, Episodes.u959)
        XCTAssertEqual(reused.start, 5_000)
        XCTAssertEqual([reused.variant, reused.provider, reused.credential], [expected.variant, expected.provider, expected.credential])
    }

    /// A prepared request restarted in the same execution, episode after episode, chooses each episode's variant
    /// as a fresh request for that episode does.
    func testAPreparedRequestRestartedWithNewEpisodesChoosesAsFreshRequestsDo() throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let prepared = engine.prepare(request(episode: Episodes.u024))
        let episodes = (0..<40).map { EpisodeID(high: 0x0190_0000_0000_7000 | UInt64($0), low: 0x8000_0000_0000_0000 | UInt64($0) << 20) }
        let execution = engine.start(prepared, episode: episodes[0], at: 0, jitterSeed: 1)
        var variants: Set<String> = []
        for (index, episode) in episodes.enumerated() {
            let now = Nanoseconds(index) * 1_000
            if index > 0 { engine.start(prepared, episode: episode, reusing: execution, at: now, jitterSeed: 1) }
            let reused = try XCTUnwrap(finish(execution, from: execution.next(at: now), at: now) { _ in .success(okResponse) })
            let fresh = engine.start(request(episode: episode), at: now, jitterSeed: 1)
            let expected = try XCTUnwrap(finish(fresh, from: fresh.next(at: now), at: now) { _ in .success(okResponse) })
            XCTAssertEqual(reused.variant, expected.variant, "episode \(episode)")
            XCTAssertEqual(reused.episodeID, episode)
            XCTAssertEqual(reused.attemptCount, 1)
            variants.insert(try XCTUnwrap(reused.variant))
        }
        XCTAssertEqual(variants, ["v", "w"], "the episodes reach both variants, so a stale draw would show")
    }

    /// The variants' errors of a request that failed everywhere do not carry into the next request's message.
    func testARestartAfterEveryVariantFailedReportsOnlyItsOwnErrors() throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let prepared = engine.prepare(request(episode: Episodes.u024))
        let execution = engine.start(prepared, episode: Episodes.u024, at: 0, jitterSeed: 2)
        let down: (ProviderAttempt) -> AttemptOutcome = { _ in .status(503, body: "down") }
        XCTAssertEqual(finish(execution, from: execution.next(at: 0), at: 0, answer: down)?.status, 502)

        engine.start(prepared, episode: Episodes.u959, reusing: execution, at: 9_000, jitterSeed: 2)
        let reused = try XCTUnwrap(finish(execution, from: execution.next(at: 9_000), at: 9_000, answer: down))
        let fresh = engine.start(prepared, episode: Episodes.u959, at: 9_000, jitterSeed: 2)
        let expected = try XCTUnwrap(finish(fresh, from: fresh.next(at: 9_000), at: 9_000, answer: down))
        XCTAssertEqual(reused.error?.message, expected.error?.message)
        XCTAssertEqual(reused.error?.message.components(separatedBy: "\n").count, 2, "one line per variant of this request")
        XCTAssertEqual(reused.attemptCount, expected.attemptCount)
    }

    /// A best-of-N candidate is bounded by its variant's deadline; restarted for an ordinary request, the
    /// execution drops that bound.
    func testARestartedCandidateLosesItsBestOfNDeadline() throws {
        let config = TestConfig.simpleModel("m") + """
            [functions.g]
            type = "chat"

            [functions.g.variants.a]
            type = "chat_completion"
            model = "m"

            [functions.g.variants.bon]
            type = "experimental_best_of_n_sampling"
            candidates = ["a", "a"]
            timeouts = { non_streaming = { total_ms = 700 } }

            [functions.g.variants.bon.evaluator]
            model = "m"
            """
        let engine = try makeEngine(config, env: TestConfig.env)
        let round = engine.start(request(.function("g"), pinned: "bon"), at: 0, jitterSeed: 4)
        guard case .candidates(let candidates) = round.next(at: 0), let candidate = candidates.first else {
            return XCTFail("the best-of-N variant hands out its candidates")
        }
        guard case .attempt(let bounded) = candidate.next(at: 0) else { return XCTFail("the candidate makes an attempt") }
        XCTAssertEqual(bounded.deadline, 700_000_000, "a candidate is bounded by its variant's deadline")
        XCTAssertEqual(finish(candidate, from: candidate.complete(.success(okResponse), at: 0), at: 0) { _ in .success(okResponse) }?.status, 200)

        let plain = engine.prepare(request(.function("g"), pinned: "a"))
        engine.start(plain, episode: Episodes.u361, reusing: candidate, at: 5_000, jitterSeed: 4)
        guard case .attempt(let unbounded) = candidate.next(at: 5_000) else { return XCTFail("the restarted request makes an attempt") }
        XCTAssertNil(unbounded.deadline, "variant a has no timeouts of its own")
    }
}
