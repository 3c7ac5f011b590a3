import Foundation
import SwitchyardConfig
import SwitchyardReports
import SwitchyardSimulator
import XCTest

/// `switchyard analyze` of every example, compared with `golden/` byte for byte: the text report of each, and
/// the JSON and JUnit reports of the load-balancing walkthrough.
final class GoldenAnalysisTests: XCTestCase {
    func testEveryExampleAnalysisMatchesItsGoldenFiles() throws {
        var problems: [String] = []
        for example in try GoldenFiles.exampleFolders() {
            let report = try analyse(example)
            var outputs = [("analyze.txt", AnalysisTextReport.render(report))]
            if example == "scenarios/load-balancing" {
                outputs.append(("analyze.json", AnalysisJSONReport.render(report)))
                outputs.append(("analyze.junit.xml", try AnalysisJUnitReport.render(report, failOn: .warning)))
            }
            for (name, actual) in outputs {
                let golden = "golden/\(example)/\(name)"
                switch try GoldenFiles.compare(actual, with: golden) {
                case .match: break
                case .recorded: problems.append("recorded \(golden); unset SWITCHYARD_RECORD_GOLDEN and run again")
                case .mismatch(let diff): problems.append("\(golden) differs:\n\(diff)")
                }
            }
        }
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n\n"))
    }

    /// The walkthrough config survives every single failure; the one-key examples do not, and say so.
    func testTheWalkthroughSurvivesAndTheOneKeyExamplesAreFlagged() throws {
        XCTAssertEqual(try analyse("scenarios/load-balancing").findings(atLeast: .warning), [])
        let oneKey = try analyse("scenarios/custom-env-variable")
        XCTAssertTrue(oneKey.findings(atLeast: .error).contains {
            $0.rule == .singlePointOfFailure && $0.message == "function `summarize_ticket` has one credential, `env::MY_TEAM_OPENAI_KEY`, on every path"
        }, "\(oneKey.findings)")
    }

    /// The README's example is the golden output, so the documentation cannot drift from the tool.
    func testTheReadmeShowsTheGoldenAnalysis() throws {
        let readme = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let golden = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("golden/scenarios/fallback-credential/analyze.txt"), encoding: .utf8)
        XCTAssertTrue(readme.contains("$ switchyard analyze --config scenarios/fallback-credential/tensorzero.toml\n" + golden + "```"))
    }

    /// The example analysed with its `example.env` replacing stand-ins (the GCP examples' `path_from_env::`
    /// variable must name their key file).
    private func analyse(_ example: String) throws -> AnalysisReport {
        try GoldenFiles.withCurrentDirectory(GoldenFiles.packageRoot) {
            let (environment, _) = EnvironmentFile.read("\(example)/example.env")
            guard case .analysed(let report) = OutageAnalysis.run(configAt: "\(example)/tensorzero.toml", overrides: environment) else {
                XCTFail("\(example) does not compile")
                throw CocoaError(.fileReadCorruptFile)
            }
            return report
        }
    }
}
