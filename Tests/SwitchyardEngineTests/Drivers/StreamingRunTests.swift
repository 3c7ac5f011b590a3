import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A streaming transport answering from per-upstream scripts: `.ok` opens a stream (its value names the
/// upstream), anything else fails before the first chunk. An attempt that does not stream gets what its opening
/// would have said.
final class FakeStreamingTransport: StreamingProviderTransport, ProviderTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let clock: ManualClock
    private let replies: [String: Reply]
    private var log: [ProviderAttempt] = []

    init(clock: ManualClock, replies: [String: Reply]) {
        self.clock = clock
        self.replies = replies
    }

    var attempts: [ProviderAttempt] { lock.withLock { log } }

    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome {
        switch await open(attempt) {
        case .started(_, let first): .success(first)
        case .failed(let outcome): outcome
        }
    }

    func open(_ attempt: ProviderAttempt) async -> StreamOpening<String> {
        let key = "\(attempt.model).\(attempt.provider.name)"
        lock.withLock { log.append(attempt) }
        switch replies[key] ?? .ok() {
        case .ok(let ms):
            clock.advance(to: clock.now + .milliseconds(ms))
            return .started("stream from \(key)", first: ProviderResponse(text: "first"))
        case .text(let text, let ms):
            clock.advance(to: clock.now + .milliseconds(ms))
            return .started("stream from \(key)", first: ProviderResponse(text: text))
        case .status(let status, let ms):
            clock.advance(to: clock.now + .milliseconds(ms))
            return .failed(.status(status, body: "body"))
        case .hang:
            clock.advance(to: attempt.deadline ?? clock.now)
            return .failed(.timedOut)
        case .reset:
            return .failed(.connectionReset)
        case .garbage:
            return .failed(.unparseableResponse("Error parsing chunk"))
        case .credentialRefused(let message):
            return .failed(.credentialUnavailable(message))
        }
    }
}

/// `Engine.runStreaming`: routing decides everything until a first chunk arrives, then the request is
/// committed to that upstream with the `streaming.total_ms` deadlines still running.
final class StreamingRunTests: XCTestCase {
    private func streamTimeouts(ttft: Int? = nil, total: Int? = nil) -> String {
        let fields = [ttft.map { "ttft_ms = \($0)" }, total.map { "total_ms = \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "timeouts = { streaming = { \(fields) } }"
    }

    func testFailuresBeforeTheFirstChunkMoveOnAndTheFirstChunkCommits() async throws {
        let toml = TestConfig.model("m", providers: [("p1", "api_key_location = \"env::KEY\""), ("p2", "api_key_location = \"env::KEY\"")])
            + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let clock = ManualClock(at: 0)
        let transport = FakeStreamingTransport(clock: clock, replies: ["m.p1": .status(500, ms: 10), "m.p2": .ok(ms: 20)])
        let run = await engine.runStreaming(request(stream: true), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(run.stream, "stream from m.p2")
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.provider, "p2")
        XCTAssertEqual(run.result.response?.text, "first")
        XCTAssertEqual(outcomes(run.result.trace), [.status(500), .success])
        XCTAssertEqual(run.result.end, .milliseconds(30))
        XCTAssertTrue(transport.attempts.allSatisfy(\.stream))
        XCTAssertNil(run.result.streamDeadline, "no streaming.total_ms is configured")
    }

    func testNoStreamWhenEveryAttemptFailsBeforeItsFirstChunk() async throws {
        let engine = try makeEngine(TestConfig.variantsWithOwnModels(["a", "b"]), env: TestConfig.env)
        let clock = ManualClock(at: 0)
        let transport = FakeStreamingTransport(clock: clock, replies: ["m_a.p": .garbage, "m_b.p": .reset])
        let run = await engine.runStreaming(request(stream: true), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertNil(run.stream)
        XCTAssertEqual(run.result.status, 502)
        XCTAssertEqual(transport.attempts.count, 2)
    }

    func testATTFTTimeoutBeforeTheFirstChunkFallsBackToTheNextProvider() async throws {
        let toml = TestConfig.model("m", providers: [
            ("p1", "api_key_location = \"env::KEY\"\n" + streamTimeouts(ttft: 300, total: 5_000)), ("p2", "api_key_location = \"env::KEY\""),
        ]) + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let clock = ManualClock(at: 0)
        let transport = FakeStreamingTransport(clock: clock, replies: ["m.p1": .hang])
        let run = await engine.runStreaming(request(stream: true), transport: transport, clock: clock, jitterSeed: 1)
        XCTAssertEqual(transport.attempts.first?.deadline, .milliseconds(300), "before the first chunk: the earlier of ttft_ms and total_ms")
        XCTAssertEqual(run.stream, "stream from m.p2")
        XCTAssertEqual(outcomes(run.result.trace), [.timedOut(level: "provider"), .success])
    }

    func testTheCommittedStreamKeepsTheEarliestTotalDeadlineOfEachLevel() throws {
        let toml = TestConfig.model("m", providers: [
            ("p1", "api_key_location = \"env::KEY\""), ("p2", "api_key_location = \"env::KEY\"\n" + streamTimeouts(ttft: 100, total: 900)),
        ], extra: streamTimeouts(total: 1_000)) + TestConfig.function(variants: [("v", "m", streamTimeouts(total: 5_000))])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let run = drive(engine, request(stream: true), replies: ["m.p1": [.status(500, ms: 200)], "m.p2": [.ok(ms: 50)]])
        XCTAssertEqual(run.result.status, 200)
        // p2 started at 200 ms: its own total ends at 1100 ms, after the model's (1000 ms from the model call's start).
        XCTAssertEqual(run.result.streamDeadline, StreamDeadline(
            at: .milliseconds(1_000), error: .modelTimeout(model: "m", bound: "streaming.total_ms", milliseconds: 1_000)
        ))
        XCTAssertEqual(run.result.streamDeadline?.error.message, "Model m timed out due to configured `streaming.total_ms` timeout (1s)")
    }

    func testTheProviderBoundWinsWhenItIsEarliestAndNonStreamingRequestsHaveNone() throws {
        let toml = TestConfig.model("m", providers: [("p", "api_key_location = \"env::KEY\"\n" + streamTimeouts(total: 400))])
            + TestConfig.function(variants: [("v", "m", streamTimeouts(total: 400))])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let streamed = drive(engine, request(stream: true), replies: ["m.p": [.ok(ms: 10)]], start: .milliseconds(100))
        XCTAssertEqual(streamed.result.streamDeadline, StreamDeadline(
            at: .milliseconds(500), error: .providerTimeout(provider: "p", bound: "streaming.total_ms", milliseconds: 400)
        ), "on a tie the innermost level reports")
        XCTAssertNil(drive(engine, request(), replies: ["m.p": [.ok(ms: 10)]]).result.streamDeadline)
    }

    func testAVariantTotalCountsFromTheVariantsStartAcrossRetries() throws {
        let toml = TestConfig.simpleModel("m")
            + TestConfig.function(variants: [("v", "m", "retries = { num_retries = 1, max_delay_s = 1 }\n" + streamTimeouts(total: 10_000))])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let run = drive(engine, request(pinned: "v", stream: true), replies: ["m.p": [.status(500), .ok()]])
        XCTAssertEqual(run.attempts.count, 2)
        XCTAssertEqual(run.result.streamDeadline?.at, .milliseconds(10_000))
        XCTAssertEqual(run.result.streamDeadline?.error, .variantTimeout(variant: "v", bound: "streaming.total_ms", milliseconds: 10_000))
    }
}
