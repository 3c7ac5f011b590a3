import XCTest
@testable import SwitchyardEngine

/// Timeouts in error messages read as TensorZero 2026.6.0 prints them (Rust's `Debug` for `Duration`); the oracle
/// printed `(1.5s)` for a 1500 ms provider timeout and `(1.05s)` for a 1050 ms model timeout.
final class DurationTextTests: XCTestCase {
    func testUnderASecondIsWholeMilliseconds() {
        XCTAssertEqual(DurationText.debug(milliseconds: 1), "1ms")
        XCTAssertEqual(DurationText.debug(milliseconds: 500), "500ms")
        XCTAssertEqual(DurationText.debug(milliseconds: 999), "999ms")
    }

    func testASecondOrMoreIsSecondsWithoutTrailingZeros() {
        XCTAssertEqual(DurationText.debug(milliseconds: 1_000), "1s")
        XCTAssertEqual(DurationText.debug(milliseconds: 1_500), "1.5s")
        XCTAssertEqual(DurationText.debug(milliseconds: 1_050), "1.05s")
        XCTAssertEqual(DurationText.debug(milliseconds: 1_001), "1.001s")
        XCTAssertEqual(DurationText.debug(milliseconds: 120_000), "120s")
    }

    func testZeroIsNanoseconds() {
        XCTAssertEqual(DurationText.debug(milliseconds: 0), "0ns")
    }
}
