import Foundation
import XCTest

/// Each misbehaving upstream, one request at a time: the gateway ends the request as `switchyard simulate` says
/// it ends on the same config with the same fault scripted (status; variant and provider when it succeeds),
/// within the configured timeouts.
final class FaultRoutingTests: XCTestCase {
    func testEveryFaultEndsAsTheSimulatorSaysWithinTheConfiguredTimeouts() async throws {
        try await FaultHarness.run { harness in
            let simulated = try FaultSimulation.outcomes(FaultCase.all, configPath: harness.configPath)
            for fault in FaultCase.all {
                let began = ContinuousClock.now
                let live: FaultHarness.Outcome
                do {
                    live = try await harness.infer("f_\(fault.name)", stream: fault.stream)
                } catch {
                    XCTFail("\(fault.name): the gateway gave no answer within 30 s: \(error)")
                    continue
                }
                let elapsed = ContinuousClock.now - began
                let expected = try XCTUnwrap(simulated[fault.name], "the simulator ran no request for \(fault.name)")
                XCTAssertEqual(live.status, expected.status, "\(fault.name): live \(live), simulated \(expected)")
                if expected.status == 200 {
                    XCTAssertEqual(live.variant, expected.variant, "\(fault.name): live \(live), simulated \(expected)")
                    XCTAssertEqual(live.provider, expected.provider, "\(fault.name): live \(live), simulated \(expected)")
                } else {
                    XCTAssertNotNil(live.error, "\(fault.name): a failed request says why")
                }
                // Timeouts are 300 ms, a retry waits 1–2 s: nothing waits for the 30 s `Retry-After` or an upstream
                // that never answers.
                XCTAssertLessThan(elapsed, .seconds(5), "\(fault.name) took \(elapsed)")
            }
        }
    }

    func testAStreamThatBreaksAfterItsFirstChunkEndsWithAnErrorEvent() async throws {
        let fault = try XCTUnwrap(FaultCase.all.first { $0.name == "broken_stream" })
        try await FaultHarness.run([fault]) { harness in
            let live = try await harness.infer("f_broken_stream", stream: true)
            XCTAssertEqual(live.status, 200)
            XCTAssertEqual(live.provider, "fault")
            XCTAssertEqual(live.streamErrors.count, 1, "\(live)")
            XCTAssertTrue(live.streamErrors.first?.contains("Error in streaming response") == true, "\(live)")
        }
    }

    /// TensorZero 2026.6.0 does not read `Retry-After` (checked against its gateway: a 429 or 503 with
    /// `Retry-After: 8` moved to the next provider at once, and a variant retry came after backon's 1–2 s): the
    /// gateway routes on at once and retries after its own backoff.
    func testRetryAfterNeitherDelaysTheFallbackNorTheRetry() async throws {
        let names = ["rate_limited", "unavailable", "rate_limited_retried"]
        let cases = FaultCase.all.filter { names.contains($0.name) }
        try await FaultHarness.run(cases) { harness in
            for name in ["rate_limited", "unavailable"] {
                let began = ContinuousClock.now
                let live = try await harness.infer("f_\(name)")
                XCTAssertEqual(live.provider, "backup", "\(name): \(live)")
                XCTAssertLessThan(ContinuousClock.now - began, .seconds(1), "\(name) waited before moving on")
                XCTAssertEqual(harness.upstreams[name]?.requests, 1, name)
            }
            let began = ContinuousClock.now
            let retried = try await harness.infer("f_rate_limited_retried")
            let elapsed = ContinuousClock.now - began
            XCTAssertEqual(retried.status, 502, "\(retried)")
            XCTAssertEqual(harness.upstreams["rate_limited_retried"]?.requests, 2, "one attempt and one retry")
            XCTAssertGreaterThanOrEqual(elapsed, .seconds(1), "the retry waits its backoff")
            XCTAssertLessThan(elapsed, .seconds(10), "the retry does not wait the upstream's 30 s")
        }
    }
}
