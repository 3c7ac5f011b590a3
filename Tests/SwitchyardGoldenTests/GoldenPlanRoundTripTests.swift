import Foundation
import SwitchyardPlan
import XCTest

/// Every golden plan reads back (`serve --plan`) to a plan whose JSON is the same bytes.
final class GoldenPlanRoundTripTests: XCTestCase {
    func testEveryGoldenPlanReadsBackToTheSameBytes() throws {
        let golden = GoldenFiles.packageRoot.appendingPathComponent("golden")
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: golden.path))
        let plans = walker.compactMap { $0 as? String }.filter { $0.hasSuffix("plan.json") }.sorted()
        XCTAssertGreaterThanOrEqual(plans.count, 20, "the golden plans went missing")
        for relative in plans {
            let path = golden.appendingPathComponent(relative).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let plan = try PlanFile.load(path)
            XCTAssertEqual(plan.canonicalJSON, text, "golden/\(relative) does not read back to the same bytes")
        }
    }
}
