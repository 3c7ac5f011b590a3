import Foundation
import SwitchyardReports
import XCTest

final class JSONReportTests: XCTestCase {
    private func parse(_ report: SimulationReport) throws -> [String: Any] {
        let text = JSONReport.render(report)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    func testWholeReportIsThere() throws {
        let json = try parse(ReportFixtures.full)
        XCTAssertEqual(json["format"] as? String, "switchyard.report/1")
        let totals = try XCTUnwrap(json["totals"] as? [String: Any])
        XCTAssertEqual(totals["scenarios"] as? Int, 4)
        XCTAssertEqual(totals["phases"] as? Int, 7)
        XCTAssertEqual(totals["tests"] as? Int, 9)
        XCTAssertEqual(totals["passed"] as? Int, 3)
        XCTAssertEqual(totals["failed"] as? Int, 2)
        XCTAssertEqual(totals["errors"] as? Int, 4)

        let scenarios = try XCTUnwrap(json["scenarios"] as? [[String: Any]])
        XCTAssertEqual(scenarios.map { $0["outcome"] as? String }, ["passed", "error", "error", "error"])
        XCTAssertEqual(scenarios[0]["timestamp"] as? String, "2026-06-01T09:30:00.250Z")
        XCTAssertEqual(scenarios[0]["seed"] as? Int, 1)
        XCTAssertEqual(scenarios[0]["config"] as? String, "tensorzero.toml")
        XCTAssertEqual(scenarios[2]["errors"] as? [String], ReportFixtures.broken.errors)

        let phases = try XCTUnwrap(scenarios[1]["phases"] as? [[String: Any]])
        XCTAssertEqual(phases.map { $0["outcome"] as? String }, ["passed", "failed", "error"])
        XCTAssertEqual(phases[1]["requests"] as? Int, 1000)
        XCTAssertEqual(phases[1]["wall_seconds"] as? Double, 0.5)
        XCTAssertTrue(phases[1]["error"] is NSNull)
        XCTAssertEqual(phases[2]["error"] as? String, ReportFixtures.mixed.phases[2].error)
        let checks = try XCTUnwrap(phases[1]["checks"] as? [[String: Any]])
        XCTAssertEqual(checks.count, 3)
        XCTAssertEqual(checks[0]["name"] as? String, "status.200")
        XCTAssertEqual(checks[0]["expected"] as? String, "all (1000)")
        XCTAssertEqual(checks[0]["observed"] as? String, "900")
        XCTAssertEqual(checks[0]["passed"] as? Bool, false)
    }

    func testSpecialCharactersRoundTrip() throws {
        let json = try parse(SimulationReport(scenarios: [ReportFixtures.hostile]))
        let scenario = try XCTUnwrap((json["scenarios"] as? [[String: Any]])?.first)
        XCTAssertEqual(scenario["name"] as? String, ReportFixtures.hostile.name)
        XCTAssertEqual(scenario["file"] as? String, ReportFixtures.hostile.file)
        XCTAssertEqual((scenario["seed"] as? NSNumber)?.uint64Value, UInt64.max)
        let phases = try XCTUnwrap(scenario["phases"] as? [[String: Any]])
        XCTAssertEqual(phases[1]["name"] as? String, "multi\nline\r\nname")
        XCTAssertEqual(phases[1]["error"] as? String, ReportFixtures.hostile.phases[1].error)
    }

    func testStableSortedOutput() {
        let text = JSONReport.render(ReportFixtures.full)
        XCTAssertEqual(JSONReport.render(ReportFixtures.full), text)
        XCTAssertTrue(text.hasSuffix("}\n"))
        // Top-level keys in ascending order, two-space indent.
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        XCTAssertEqual(topKeys, ["format", "scenarios", "totals"])
        // Within every object, keys ascend.
        var lastKey: [Int: String] = [:]
        var objects = 0
        for line in text.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if rest.hasPrefix("\""), let end = rest.dropFirst().firstIndex(of: "\""), rest[end...].hasPrefix("\" :") {
                let key = String(rest[rest.index(after: rest.startIndex)..<end])
                if let previous = lastKey[indent] { XCTAssertLessThan(previous, key, "in line: \(line)") }
                lastKey[indent] = key
            }
            if line.hasSuffix("{") {
                lastKey[indent + 2] = nil
                objects += 1
            }
        }
        XCTAssertGreaterThan(objects, 20)
    }

    func testNonFiniteDurationsAreLeftOut() throws {
        var scenario = ReportFixtures.passing
        scenario.wallSeconds = .nan
        scenario.phases[0].wallSeconds = .infinity
        let json = try parse(SimulationReport(scenarios: [scenario]))
        let first = try XCTUnwrap((json["scenarios"] as? [[String: Any]])?.first)
        XCTAssertNil(first["wall_seconds"])
        XCTAssertNil((first["phases"] as? [[String: Any]])?.first?["wall_seconds"])
        XCTAssertEqual((json["totals"] as? [String: Any])?["wall_seconds"] as? Double, 0)
    }
}
