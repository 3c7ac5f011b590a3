import SwitchyardReports
import XCTest

final class TerminalReportTests: XCTestCase {
    func testMixedScenario() {
        XCTAssertEqual(TerminalReport.render(SimulationReport(scenarios: [ReportFixtures.mixed])), """
            A revoked key fails over — scenarios/fallback/revoked.scenario.toml (config config/*.toml, seed 42)
              ✓ healthy — 100 requests, 0.250s
                  status: 200×100
                  ✓ status.200: expected all (100), observed 100
              ✗ key 2 revoked — 1000 requests, 0.500s
                  status: 200×900 401×100
                  served by: gpt_4o_mini_1.openai 900
                  ✗ status.200: expected all (1000), observed 900
                  ✗ served_by.gpt_4o_mini_1.openai: expected all (1000), observed 900
                  ✓ attempts: expected 1000, observed 1000
              ✗ restart without keys — 0 requests, 0.001s
                  error: gateway failed to start: Environment variable `OPENAI_API_KEY` is missing
                  ✗ startup: expected ok, observed error

            1 scenario, 3 phases: 1 passed, 1 failed, 1 error

            """)
    }

    func testScenarioThatCouldNotRun() {
        XCTAssertEqual(TerminalReport.render(SimulationReport(scenarios: [ReportFixtures.broken])), """
            broken.scenario.toml — scenarios/broken.scenario.toml (config tensorzero.toml, seed 0)
              ✗ could not run
                  scenarios/broken.scenario.toml:3:1: error[SY0101]: unknown field `sned`
                  scenarios/broken.scenario.toml:9:12: error[SY0103]: `phase[0].send.count`: expected an integer

            1 scenario, 0 phases: 0 passed, 0 failed, 1 error

            """)
    }

    func testClosingLineCountsLikeJUnit() throws {
        let text = TerminalReport.render(ReportFixtures.full)
        XCTAssertTrue(text.hasSuffix("\n4 scenarios, 7 phases: 3 passed, 2 failed, 4 errors\n"), text)
        let tally = ReportTally(ReportFixtures.full)
        XCTAssertEqual(tally.tests, 9)
        let xml = try XMLTestDocument(try JUnitReport.render(ReportFixtures.full, hostname: "h"))
        XCTAssertEqual(xml.string("/testsuites/@tests"), String(tally.tests))
        XCTAssertEqual(xml.string("/testsuites/@errors"), String(tally.errors))
        XCTAssertEqual(xml.string("/testsuites/@failures"), String(tally.failed))
    }

    func testMultilineTextStaysIndented() {
        let text = TerminalReport.render(SimulationReport(scenarios: [ReportFixtures.hostile]))
        XCTAssertTrue(text.contains("""
              ✗ could not run
                  bad <path> & "file"
                  second line
            """), text)
        XCTAssertTrue(text.contains("      error: first line <a>\n      second line & more"), text)
    }

    func testNoColorsUnlessAsked() {
        let plain = TerminalReport.render(ReportFixtures.full)
        let colored = TerminalReport.render(ReportFixtures.full, colors: true)
        XCTAssertFalse(plain.contains("\u{1B}"))
        XCTAssertTrue(colored.contains("\u{1B}[32m✓\u{1B}[0m"))
        XCTAssertTrue(colored.contains("\u{1B}[31m✗\u{1B}[0m"))
        XCTAssertTrue(colored.contains("\u{1B}[1mA revoked key fails over"))
        XCTAssertEqual(colored.replacingOccurrences(of: #"\u001B\[[0-9]+m"#, with: "", options: .regularExpression), plain)
    }

    func testControlCharactersFromReportAreNeutralized() {
        let text = TerminalReport.render(SimulationReport(scenarios: [ReportFixtures.hostile]))
        XCTAssertTrue(text.contains("second line & more\u{FFFD}\u{FFFD}[31m"), text)
        XCTAssertTrue(text.contains("tab\there, bell\u{FFFD}here"), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && $0.properties.generalCategory == .control })
    }

    func testEmptyReport() {
        XCTAssertEqual(TerminalReport.render(SimulationReport(scenarios: [])), "0 scenarios, 0 phases: 0 passed, 0 failed, 0 errors\n")
    }
}
