import Foundation
import XCTest

/// Many repeated faults leave nothing behind: every request ends as a single one does, connection pools stay
/// within the traffic's concurrency, and the process's descriptors return to their baseline. An XCTest case, not a
/// swift-testing one: it counts the whole process's descriptors, so no other test may run beside it, and XCTest runs
/// its cases one at a time, in a process run of their own.
final class FaultLeakTests: XCTestCase {
    func testFiveHundredOfEachFaultLeaveNoDescriptorOrConnectionBehind() async throws {
        // The retried case spends its time in backoff and repeats `rate_limited`'s attempts.
        let cases = FaultCase.all.filter { $0.name != "rate_limited_retried" }
        let rounds = 500
        let concurrency = 25
        try await FaultHarness.run(cases) { harness in
            for fault in cases { _ = await harness.flood(fault, count: concurrency, concurrency: concurrency) }
            let baseline = try await harness.settledDescriptorsBeyondConnections()
            let rssBefore = ProcessResources.residentKiB
            var report: [String] = []
            for fault in cases {
                let single = try await harness.infer("f_\(fault.name)", stream: fault.stream).status
                let statuses = await harness.flood(fault, count: rounds, concurrency: concurrency)
                XCTAssertEqual(statuses, [single: rounds], "\(fault.name): every repeat ends as one request does")
                if let upstream = harness.upstreams[fault.name] {
                    XCTAssertLessThanOrEqual(upstream.peakOpen, 2 * concurrency, "\(fault.name): connections open at once")
                    report.append("\(fault.name): \(upstream.accepted) connections, at most \(upstream.peakOpen) open")
                }
            }
            XCTAssertLessThanOrEqual(harness.backup.peakOpen, 2 * concurrency, "connections to the healthy upstream at once")
            let after = try await harness.settledDescriptorsBeyondConnections()
            XCTAssertLessThanOrEqual(harness.backup.open, concurrency, "idle pooled connections to the healthy upstream")
            for (name, upstream) in harness.upstreams {
                XCTAssertLessThanOrEqual(upstream.open, concurrency, "\(name): connections still open")
            }
            XCTAssertEqual(after, baseline, "descriptors besides upstream connections, before and after the faults")
            print("""
                fault soak: \(rounds) requests per fault × \(cases.count) faults, \(concurrency) at a time
                  descriptors besides upstream connections: \(baseline) before, \(after) after; \
                upstream connections still open: \(harness.upstreamConnections) (healthy upstream \(harness.backup.open), \
                at most \(harness.backup.peakOpen) at once)
                  RSS \(rssBefore / 1024) MiB before, \(ProcessResources.residentKiB / 1024) MiB after
                """ + report.map { "\n  " + $0 }.joined())
        }
    }
}
