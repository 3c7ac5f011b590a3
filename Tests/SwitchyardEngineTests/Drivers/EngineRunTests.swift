import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A clock tests move by hand: `sleep(until:)` jumps to the deadline at once and is recorded.
final class ManualClock: EngineClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Nanoseconds
    private var sleepDeadlines: [Nanoseconds] = []

    init(at start: Nanoseconds) { current = start }

    var now: Nanoseconds { lock.withLock { current } }
    var sleeps: [Nanoseconds] { lock.withLock { sleepDeadlines } }

    func advance(to time: Nanoseconds) { lock.withLock { current = max(current, time) } }

    func sleep(until deadline: Nanoseconds) async throws {
        lock.withLock {
            sleepDeadlines.append(deadline)
            current = max(current, deadline)
        }
    }
}

/// A transport answering from per-upstream scripts (`MODEL.PROVIDER`; the last reply repeats, unnamed upstreams
/// answer `ok` at once), moving the clock by each reply's latency, or to the deadline when it hangs.
final class FakeTransport: ProviderTransport, @unchecked Sendable {
    struct Sent: Equatable {
        var upstream: String
        var start: Nanoseconds
        var deadline: Nanoseconds?
        var credential: String
    }

    private let lock = NSLock()
    private let clock: ManualClock
    private let replies: [String: [Reply]]
    private var positions: [String: Int] = [:]
    private var log: [Sent] = []

    init(clock: ManualClock, replies: [String: [Reply]] = [:]) {
        self.clock = clock
        self.replies = replies
    }

    var sent: [Sent] { lock.withLock { log } }

    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome {
        let key = "\(attempt.model).\(attempt.provider.name)"
        let reply: Reply = lock.withLock {
            log.append(Sent(upstream: key, start: attempt.start, deadline: attempt.deadline, credential: attempt.credentialLocation))
            let script = replies[key] ?? [.ok()]
            let position = positions[key, default: 0]
            positions[key] = position + 1
            return script[min(position, script.count - 1)]
        }
        switch reply {
        case .ok(let ms):
            clock.advance(to: clock.now + .milliseconds(ms))
            return .success(okResponse)
        case .text(let text, let ms):
            clock.advance(to: clock.now + .milliseconds(ms))
            return .success(ProviderResponse(text: text, inputTokens: 3, outputTokens: 5, finishReason: .stop))
        case .status(let status, let ms):
            clock.advance(to: clock.now + .milliseconds(ms))
            return .status(status, body: "body \(status)")
        case .hang:
            clock.advance(to: attempt.deadline ?? clock.now + .milliseconds(900_000))
            return .timedOut
        case .reset:
            return .connectionReset
        case .garbage:
            return .unparseableResponse("garbage")
        case .credentialRefused(let message):
            return .credentialUnavailable(message)
        }
    }
}

/// `Engine.run`, the async driver the gateway uses, against a fake transport and a manual clock.
final class EngineRunTests: XCTestCase {
    private let config = TestConfig.model("m", providers: [
        ("p1", "api_key_location = \"env::KEY\"\ntimeouts = { non_streaming = { total_ms = 300 } }"), ("p2", "api_key_location = \"env::KEY\""),
    ]) + TestConfig.function(variants: [("v", "m", "retries = { num_retries = 1 }")])

    func testRunsTheRoutingLoopOnTheTransportAndTheClock() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let clock = ManualClock(at: .milliseconds(10_000))
        let transport = FakeTransport(clock: clock, replies: ["m.p1": [.status(500, ms: 100)], "m.p2": [.ok(ms: 50)]])
        let result = await engine.run(request(), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(result.status, 200)
        XCTAssertEqual(result.provider, "p2")
        XCTAssertEqual(result.attemptCount, 2)
        XCTAssertEqual(result.start, .milliseconds(10_000))
        XCTAssertEqual(result.end, .milliseconds(10_150))
        XCTAssertEqual(transport.sent.map(\.upstream), ["m.p1", "m.p2"])
        XCTAssertEqual(transport.sent.map(\.start), [.milliseconds(10_000), .milliseconds(10_100)])
        XCTAssertEqual(transport.sent.first?.deadline, .milliseconds(10_300))
        XCTAssertTrue(clock.sleeps.isEmpty)
    }

    func testAHangingUpstreamTimesOutAtTheDeadlineAndRoutingMovesOn() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let clock = ManualClock(at: 0)
        let transport = FakeTransport(clock: clock, replies: ["m.p1": [.hang]])
        let result = await engine.run(request(), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(result.status, 200)
        XCTAssertEqual(result.provider, "p2")
        XCTAssertEqual(result.trace.map(\.outcome), [.timedOut(level: "provider"), .success])
        XCTAssertEqual(transport.sent.last?.start, .milliseconds(300))
    }

    func testSleepsOnTheClockBetweenRetries() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let clock = ManualClock(at: 0)
        let transport = FakeTransport(clock: clock, replies: ["m.p1": [.status(500), .ok()], "m.p2": [.status(500)]])
        let result = await engine.run(request(), transport: transport, clock: clock, jitterSeed: 5)
        XCTAssertEqual(result.status, 200)
        XCTAssertEqual(transport.sent.map(\.upstream), ["m.p1", "m.p2", "m.p1"])
        XCTAssertEqual(clock.sleeps.count, 1)
        let wake = try XCTUnwrap(clock.sleeps.first)
        XCTAssertGreaterThanOrEqual(wake, .milliseconds(1_000))
        XCTAssertLessThan(wake, .milliseconds(2_000))
        XCTAssertEqual(transport.sent.last?.start, wake)
        XCTAssertEqual(result.end, wake)
    }

    func testMatchesTheStepwiseDriverForTheSameSeed() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let replies: [String: [Reply]] = ["m.p1": [.status(500)], "m.p2": [.status(502, ms: 20)]]
        let clock = ManualClock(at: 0)
        let result = await engine.run(request(pinned: "v"), transport: FakeTransport(clock: clock, replies: replies), clock: clock, jitterSeed: 99)
        let stepped = drive(engine, request(pinned: "v"), replies: replies, jitterSeed: 99)
        XCTAssertEqual(result.status, stepped.result.status)
        XCTAssertEqual(result.error, stepped.result.error)
        XCTAssertEqual(result.end, stepped.result.end)
        XCTAssertEqual(result.trace, stepped.result.trace)
    }

    func testARequestErrorFinishesWithoutTouchingTheTransportOrTheClock() async throws {
        let engine = try makeEngine(config, env: TestConfig.env)
        let clock = ManualClock(at: 42)
        let transport = FakeTransport(clock: clock)
        let result = await engine.run(request(.function("missing")), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(result.status, 404)
        XCTAssertEqual(result.error?.message, "Unknown function: missing")
        XCTAssertTrue(transport.sent.isEmpty)
        XCTAssertTrue(clock.sleeps.isEmpty)
        XCTAssertEqual(result.start, 42)
        XCTAssertEqual(result.end, 42)
    }

    func testPassesTheRequestCredentialsToTheTransport() async throws {
        let toml = TestConfig.model("m", providers: [("p", "api_key_location = { default = \"dynamic::k\", fallback = \"env::KEY\" }")])
            + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let clock = ManualClock(at: 0)
        let transport = FakeTransport(clock: clock)
        let dynamic = await engine.run(request(credentials: ["k": "sk-dyn"]), transport: transport, clock: clock, jitterSeed: 1)
        let fallback = await engine.run(request(), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(transport.sent.map(\.credential), ["dynamic::k", "env::KEY"])
        XCTAssertFalse(dynamic.usedFallbackCredential)
        XCTAssertTrue(fallback.usedFallbackCredential)
    }
}
