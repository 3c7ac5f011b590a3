import Foundation
import XCTest

/// Requests stuck on an upstream that never answers hold up nobody else.
final class FaultIsolationTests: XCTestCase {
    func testOtherRequestsAreServedWhileFiftyHangOnAnUpstream() async throws {
        try await FaultHarness.run([FaultCase.longHang]) { harness in
            let hanging = try XCTUnwrap(harness.upstreams[FaultCase.longHang.name])
            let stuck = Task { await harness.flood(FaultCase.longHang, count: 50, concurrency: 50) }
            for _ in 0..<100 where hanging.requests < 50 { try await Task.sleep(for: .milliseconds(20)) }
            XCTAssertEqual(hanging.requests, 50, "every stuck request reached the hanging upstream")

            let healthy = await withTaskGroup(of: Int.self) { group in
                for _ in 0..<100 { group.addTask { (try? await harness.infer("f_healthy").status) ?? 0 } }
                return await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
            }
            XCTAssertEqual(healthy, [200: 100])
            XCTAssertEqual(hanging.open, 50, "the stuck requests were still waiting while the others were served")

            // Then the provider timeout ends each stuck request, which the backup serves.
            let ended = await stuck.value
            XCTAssertEqual(ended, [200: 50])
        }
    }
}
