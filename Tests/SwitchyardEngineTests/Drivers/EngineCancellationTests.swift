import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A clock whose sleeps are cancelled: `sleep(until:)` throws, as `Task.sleep` does in a cancelled task.
final class CancelledSleepClock: EngineClock, @unchecked Sendable {
    private let lock = NSLock()
    private var sleepDeadlines: [Nanoseconds] = []

    var now: Nanoseconds { 0 }
    var sleeps: [Nanoseconds] { lock.withLock { sleepDeadlines } }

    func sleep(until deadline: Nanoseconds) async throws {
        lock.withLock { sleepDeadlines.append(deadline) }
        throw CancellationError()
    }
}

/// A transport that cancels the task it runs in during its first send (the client going away while an
/// attempt is in flight) and answers every attempt with a 500.
final class CancellingTransport: ProviderTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sentCount = 0

    var sent: Int { lock.withLock { sentCount } }

    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome {
        lock.withLock { sentCount += 1 }
        withUnsafeCurrentTask { $0?.cancel() }
        return .status(500, body: "upstream exploded")
    }
}

/// When the caller goes away, the request stops where it is instead of running its remaining retries,
/// providers and variants.
final class EngineCancellationTests: XCTestCase {
    private let config = TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\""), ("p2", "api_key_location = \"env::KEY\"")])
        + TestConfig.function(variants: [("v", "m", "retries = { num_retries = 3 }"), ("w", "m", "")])

    func testACancelledBackoffSleepEndsTheRequestWithoutFurtherAttempts() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let clock = CancelledSleepClock()
        let transport = FakeTransport(clock: ManualClock(at: 0), replies: ["m.p1": [.status(500)], "m.p2": [.status(500)]])
        let result = await engine.run(request(pinned: "v"), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(transport.sent.map(\.upstream), ["m.p1", "m.p2"], "one pass over the routing, then the backoff is cancelled")
        XCTAssertEqual(clock.sleeps.count, 1)
        XCTAssertEqual(result.status, 499)
        XCTAssertEqual(result.error, .cancelled)
        XCTAssertEqual(result.variant, "v")
        XCTAssertEqual(result.attemptCount, 2)
    }

    func testACancelledTaskStopsBeforeTheNextProviderOrVariant() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let transport = CancellingTransport()
        let result = await Task {
            await engine.run(request(), transport: transport, clock: ManualClock(at: 0), jitterSeed: 1)
        }.value
        XCTAssertEqual(transport.sent, 1, "neither p2 nor the other variant is tried")
        XCTAssertEqual(result.error, .cancelled)
        XCTAssertEqual(result.error?.message, "The request was cancelled before it finished")
        XCTAssertEqual(result.attemptCount, 1)
    }

    func testCancelFinishesAPendingExecutionAndKeepsAFinishedOne() throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        var execution = engine.start(request(pinned: "v"), at: 0, jitterSeed: 1)
        guard case .attempt = execution.next(at: 0) else { return XCTFail("expected an attempt first") }
        guard case .finished(let cancelled) = execution.cancel(at: 5) else { return XCTFail("cancel must finish the request") }
        XCTAssertEqual(cancelled.error, .cancelled)
        XCTAssertEqual(cancelled.end, 5)
        XCTAssertEqual(cancelled.attemptCount, 0, "the pending attempt was never reported, so it is not counted")

        var served = engine.start(request(pinned: "v"), at: 0, jitterSeed: 1)
        _ = served.next(at: 0)
        guard case .finished(let result) = served.complete(.success(okResponse), at: 1) else { return XCTFail("expected a success") }
        guard case .finished(let kept) = served.cancel(at: 2) else { return XCTFail("a finished request stays finished") }
        XCTAssertEqual(result.status, 200)
        XCTAssertEqual(kept.status, 200)
        XCTAssertEqual(kept.end, 1)
    }
}
