import Foundation
import SwitchyardConfig
import SwitchyardReports
import SwitchyardSimulator
import XCTest

/// Runs every shipped scenario and compares its JUnit report with `golden/`, byte for byte. Wall-clock
/// fields (timestamps, times, host) are pinned first: everything else a scenario reports is deterministic.
final class GoldenScenarioTests: XCTestCase {
    func testEveryShippedScenarioPassesAndMatchesItsGoldenJUnit() throws {
        let files = try GoldenFiles.scenarioFiles()
        XCTAssertGreaterThanOrEqual(files.count, 5, "the shipped scenarios went missing")
        var problems: [String] = []
        for file in files {
            let report = try run(file, trace: nil)
            for phase in report.phases where !phase.failedChecks.isEmpty || phase.error != nil {
                problems.append("\(file): phase `\(phase.name)` did not pass: \(phase.failedChecks.map(\.name)) \(phase.error ?? "")")
            }
            problems += report.errors.map { "\(file): \($0)" }
            let junit = try JUnitReport.render(SimulationReport(scenarios: [pinned(report)]), hostname: "golden")
            let golden = "golden/" + file.replacingOccurrences(of: ".scenario.toml", with: ".junit.xml")
            switch try GoldenFiles.compare(junit, with: golden) {
            case .match: break
            case .recorded: problems.append("recorded \(golden); unset SWITCHYARD_RECORD_GOLDEN and run again")
            case .mismatch(let diff): problems.append("\(golden) differs:\n\(diff)")
            }
        }
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n\n"))
    }

    func testTheSameSeedGivesByteIdenticalTraces() throws {
        let file = "scenarios/fallbacks-and-retries/fallbacks-and-retries.scenario.toml"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var traces: [Data] = []
        for run in 0..<2 {
            let path = folder.appendingPathComponent("trace-\(run).jsonl").path
            let sink = try TraceSink(path: path)
            sink.begin(scenario: file)
            _ = try self.run(file, trace: sink)
            try sink.close()
            traces.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertGreaterThan(traces[0].count, 10_000)
        XCTAssertEqual(traces[0], traces[1], "two runs with the same seed wrote different traces")
    }

    private func run(_ file: String, trace: TraceSink?) throws -> ScenarioReport {
        try GoldenFiles.withCurrentDirectory(GoldenFiles.packageRoot) {
            let (scenario, diagnostics) = ScenarioParser.parse(file: file)
            guard let scenario, !diagnostics.hasErrors else {
                XCTFail("\(file) does not parse: \(diagnostics)")
                throw CocoaError(.fileReadCorruptFile)
            }
            return ScenarioRunner(scenario: scenario, options: .init(trace: trace)).run()
        }
    }

    /// The report with its wall-clock fields fixed.
    private func pinned(_ report: ScenarioReport) -> ScenarioReport {
        var pinned = report
        pinned.timestamp = Date(timeIntervalSince1970: 1_767_225_600)
        pinned.wallSeconds = 0
        pinned.phases = report.phases.map { phase in
            var fixed = phase
            fixed.wallSeconds = 0
            return fixed
        }
        return pinned
    }
}

