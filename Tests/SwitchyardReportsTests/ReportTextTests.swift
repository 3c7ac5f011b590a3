import Foundation
@testable import SwitchyardReports
import XCTest

final class ReportTextTests: XCTestCase {
    func testTimestampsAreUTCToTheSecond() {
        let cases: [(Double, String)] = [
            (0, "1970-01-01T00:00:00"),
            (-1, "1969-12-31T23:59:59"),
            (951_782_400, "2000-02-29T00:00:00"),
            (1_709_164_800.999, "2024-02-29T00:00:00"),
            (1_780_306_200.25, "2026-06-01T09:30:00"),
            (4_102_444_799, "2099-12-31T23:59:59"),
        ]
        for (seconds, expected) in cases {
            XCTAssertEqual(ReportText.timestamp(Date(timeIntervalSince1970: seconds)), expected, "\(seconds)")
        }
    }

    func testTimestampsMatchFoundationEverywhere() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...8_000_000_000, using: &generator)))
            XCTAssertEqual(ReportText.timestamp(date), formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    func testSeconds() {
        XCTAssertEqual(ReportText.seconds(0), "0.000")
        XCTAssertEqual(ReportText.seconds(0.0004), "0.000")
        XCTAssertEqual(ReportText.seconds(0.0005), "0.001")
        XCTAssertEqual(ReportText.seconds(0.412), "0.412")
        XCTAssertEqual(ReportText.seconds(12.3456), "12.346")
        XCTAssertEqual(ReportText.seconds(-1), "0.000")
        XCTAssertEqual(ReportText.seconds(.nan), "0.000")
        XCTAssertEqual(ReportText.seconds(.infinity), "0.000")
        XCTAssertEqual(ReportText.seconds(1e300), "1000000000000.000")
    }

    func testCheckLine() {
        let check = ExpectationCheck(name: "status.200", expected: "all (1000)", observed: "1000", passed: true)
        XCTAssertEqual(ReportText.check(check), "status.200: expected all (1000), observed 1000")
    }

    func testOutcomes() {
        let mixed = ReportFixtures.mixed.phases
        XCTAssertEqual(mixed.map(\.outcome), [.passed, .failed, .error])
        XCTAssertEqual(mixed[1].passedChecks.map(\.name), ["attempts"])
        XCTAssertTrue(ReportFixtures.broken.couldNotRun)
        XCTAssertFalse(ReportFixtures.passing.couldNotRun)
    }
}
