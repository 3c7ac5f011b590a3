import XCTest
@testable import SwitchyardSimulator

/// Durations (`every`, `@DURATION` in scripts) into nanoseconds.
final class ScenarioDurationTests: XCTestCase {
    private func nanoseconds(_ text: String) -> Int64? {
        try? ScenarioDuration.nanoseconds(from: text).get()
    }

    private func problem(_ text: String) -> String? {
        if case .failure(let problem) = ScenarioDuration.nanoseconds(from: text) { return problem.message }
        XCTFail("`\(text)` was accepted")
        return nil
    }

    func testEveryUnit() {
        XCTAssertEqual(nanoseconds("7us"), 7_000)
        XCTAssertEqual(nanoseconds("120ms"), 120_000_000)
        XCTAssertEqual(nanoseconds("3s"), 3_000_000_000)
        XCTAssertEqual(nanoseconds("2m"), 120_000_000_000)
    }

    func testDecimals() {
        XCTAssertEqual(nanoseconds("1.5s"), 1_500_000_000)
        XCTAssertEqual(nanoseconds("0.25ms"), 250_000)
        XCTAssertEqual(nanoseconds("1.001us"), 1_001)
        XCTAssertEqual(nanoseconds("0.5m"), 30_000_000_000)
        XCTAssertEqual(nanoseconds("2.50000000000000000000000s"), 2_500_000_000, "trailing zeros do not matter")
        XCTAssertEqual(nanoseconds("007ms"), 7_000_000)
    }

    func testZeroNeedsNoUnit() {
        XCTAssertEqual(nanoseconds("0"), 0)
        XCTAssertEqual(nanoseconds("0.0"), 0)
        XCTAssertEqual(nanoseconds("0ms"), 0)
    }

    func testLimits() {
        XCTAssertEqual(nanoseconds("9223372036854775807us"), nil)
        XCTAssertEqual(nanoseconds("153722867m"), 153_722_867 * 60_000_000_000)
        XCTAssertEqual(problem("153722868m"), "`153722868m` is too long; a duration must fit in 64-bit nanoseconds")
        XCTAssertEqual(problem("99999999999999999999s"), "`99999999999999999999s` is too long; a duration must fit in 64-bit nanoseconds")
        XCTAssertEqual(problem("1.0005us"), "`1.0005us` is finer than a nanosecond; durations are whole nanoseconds")
        XCTAssertEqual(problem("0.1234567891234567891s"), "`0.1234567891234567891s` is finer than a nanosecond; durations are whole nanoseconds")
    }

    func testMalformedDurations() {
        XCTAssertEqual(problem(""), "the duration is empty; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problem("10"), "`10` has no unit; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problem("10ns"), "`10ns` has an unknown unit `ns`; expected `us`, `ms`, `s` or `m`")
        XCTAssertEqual(problem("10MS"), "`10MS` has an unknown unit `MS`; expected `us`, `ms`, `s` or `m`")
        XCTAssertEqual(problem("10 ms"), "`10 ms` has a space before its unit; write `10ms`")
        XCTAssertEqual(problem("-5ms"), "`-5ms` is negative; a duration cannot be")
        XCTAssertEqual(problem("ms"), "`ms` is not a duration; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problem("1.ms"), "`1.ms` is not a duration: `1.` is not a number; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problem(".5s"), "`.5s` is not a duration: `.5` is not a number; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problem("1.2.3s"), "`1.2.3s` is not a duration: `1.2.3` is not a number; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problem("1e3ms"), "`1e3ms` has an unknown unit `e3ms`; expected `us`, `ms`, `s` or `m`")
    }
}
