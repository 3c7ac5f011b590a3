import Foundation
import SwitchyardReports
import SwitchyardSimulator
import XCTest

/// `simulate --html` of shipped scenarios and of the deliberately wrong fixture: the page is golden (it holds
/// no wall-clock field), its bars are the phase's counted traffic, and the unmet expectation is highlighted.
final class GoldenHTMLReportTests: XCTestCase {
    private let runs = [
        ("scenarios/load-balancing/load-balancing.scenario.toml", "golden/scenarios/load-balancing/load-balancing.report.html"),
        ("Tests/Fixtures/wrong-expectation.scenario.toml", "golden/wrong-expectation.report.html"),
    ]

    func testPagesMatchTheirGoldenFiles() throws {
        var problems: [String] = []
        for (file, golden) in runs {
            let html = HTMLReport.render(SimulationReport(scenarios: [try run(file)]))
            switch try GoldenFiles.compare(html, with: golden) {
            case .match: break
            case .recorded: problems.append("recorded \(golden); unset SWITCHYARD_RECORD_GOLDEN and run again")
            case .mismatch(let diff): problems.append("\(golden) differs:\n\(diff)")
            }
        }
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n\n"))
    }

    func testBarsAreTheSimulatedCountsAndTheWrongExpectationIsHighlighted() throws {
        let report = try run("Tests/Fixtures/wrong-expectation.scenario.toml")
        let phase = try XCTUnwrap(report.phases.first)
        let traffic = try XCTUnwrap(phase.traffic)
        XCTAssertEqual(traffic.requests, 100)
        XCTAssertEqual(traffic.byVariant.values.reduce(0, +), traffic.successes)
        XCTAssertEqual(Set(traffic.byVariant.keys), ["gpt_4o_mini_1", "gpt_4o_mini_2"], "the split the expectation denies")
        let html = HTMLReport.render(SimulationReport(scenarios: [report]))
        for (variant, count) in traffic.byVariant {
            XCTAssertTrue(html.contains("data-key=\"\(variant)\" data-count=\"\(count)\" data-share=\"\(ReportNumbers.percent(count, of: traffic.successes))\""), variant)
        }
        XCTAssertTrue(html.contains("<tr data-figure=\"requests\"><th>requests</th><td>100</td></tr>"))
        XCTAssertTrue(html.contains("<tr class=\"unmet\" data-check=\"served_by.gpt_4o_mini_1.openai\">"), html)
        XCTAssertFalse(html.contains("<tr class=\"met\""), "the fixture's only expectation fails")
    }

    private func run(_ file: String) throws -> ScenarioReport {
        try GoldenFiles.withCurrentDirectory(GoldenFiles.packageRoot) {
            let (scenario, diagnostics) = ScenarioParser.parse(file: file)
            guard let scenario, !diagnostics.hasErrors else {
                XCTFail("\(file) does not parse: \(diagnostics)")
                throw CocoaError(.fileReadCorruptFile)
            }
            return ScenarioRunner(scenario: scenario, options: .init()).run()
        }
    }
}
