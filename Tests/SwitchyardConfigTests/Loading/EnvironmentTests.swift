import XCTest
@testable import SwitchyardConfig

/// The environment the gateway would start with; it never prints values.
final class EnvironmentTests: XCTestCase {
    func testOverlayReplacesAndAddsVariables() {
        let base = Environment(["A": "1", "B": "2"])
        let merged = base.overlaid(with: Environment(["B": "3", "C": "4"]))
        XCTAssertEqual(merged.value("A"), "1")
        XCTAssertEqual(merged.value("B"), "3")
        XCTAssertEqual(merged.value("C"), "4")
        XCTAssertFalse(merged.isSet("D"))
    }

    func testDescriptionShowsNoValues() {
        let environment = Environment(["OPENAI_API_KEY": "sk-SECRET-VALUE"])
        XCTAssertFalse(environment.description.contains("SECRET"))
        XCTAssertFalse(environment.description.contains("OPENAI_API_KEY"))
    }
}
