import Foundation
import SwitchyardSimulator
import XCTest

/// The shipped scenarios exercise every item of every shipped example; the coverage report is golden.
final class GoldenCoverageTests: XCTestCase {
    func testShippedScenariosCoverEveryShippedExample() throws {
        let recorder = CoverageRecorder()
        try GoldenFiles.withCurrentDirectory(GoldenFiles.packageRoot) {
            for file in try GoldenFiles.scenarioFiles() {
                let (scenario, _) = ScenarioParser.parse(file: file)
                _ = ScenarioRunner(scenario: try XCTUnwrap(scenario, file), options: .init(coverage: recorder)).run()
            }
        }
        let report = recorder.report()
        let examples = try GoldenFiles.exampleFolders().map { "\($0)/tensorzero.toml" }
        XCTAssertEqual(report.configs.map(\.name), examples, "every example needs a scenario")
        XCTAssertEqual(report.configs.flatMap(\.missed), [])
        XCTAssertEqual(report.percentText, "100%")
        switch try GoldenFiles.compare(report.text(), with: "golden/coverage.txt") {
        case .match: break
        case .recorded: XCTFail("recorded golden/coverage.txt; unset SWITCHYARD_RECORD_GOLDEN and run again")
        case .mismatch(let diff): XCTFail("golden/coverage.txt differs:\n\(diff)")
        }
    }
}
