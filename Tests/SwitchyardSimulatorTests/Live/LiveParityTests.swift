import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// Every shipped scenario whose outcomes do not hang on the clock, run on the simulated clock and against the live
/// gateway: each request must end with the same status, variant, upstream, credential (and side) and attempts.
final class LiveParityTests: XCTestCase {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryShippedScenarioServesEachRequestLiveAsItDoesSimulated() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("scenarios").path
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".scenario.toml") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
        XCTAssertFalse(files.isEmpty, "no scenarios under \(folder)")
        var compared: [String] = []
        var skipped: [String] = []
        for file in files {
            let (parsed, diagnostics) = ScenarioParser.parse(file: file)
            let scenario = try XCTUnwrap(parsed, "\(file) is invalid: \(diagnostics.map(\.description))")
            if let reason = TimingDependence.reason(scenario) {
                skipped.append("\(file): \(reason)")
                continue
            }
            let obstacles = LiveScenarioRunner(scenario: scenario).obstacles()
            guard obstacles.isEmpty else {
                skipped.append("\(file): \(obstacles.joined(separator: "; "))")
                continue
            }
            let run = try ParityRun.run(scenario)
            XCTAssertEqual(run.differences, [], "\(file): live outcomes differ from simulated ones")
            XCTAssertEqual(run.liveProblems, [], "\(file): the live run has errors or failed expectations")
            XCTAssertGreaterThan(run.requests, 0, "\(file) sent no requests")
            compared.append("\(file): \(run.requests) requests, \(run.differing) ended differently")
        }
        for line in compared { print("live parity: compared \(line)") }
        for line in skipped { print("live parity: skipped \(line)") }
        XCTAssertFalse(compared.isEmpty, "no shipped scenario was compared")
    }
}
