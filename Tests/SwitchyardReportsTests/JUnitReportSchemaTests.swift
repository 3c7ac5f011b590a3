import CLibXML2
import SwitchyardReports
import XCTest

/// Every report shape renders to XML that libxml2 parses back and that the shipped JUnit XSD accepts.
final class JUnitReportSchemaTests: XCTestCase {
    private func assertValid(_ report: SimulationReport, hostname: String = "ci-runner-7", file: StaticString = #filePath, line: UInt = #line) throws {
        let xml = try JUnitReport.render(report, hostname: hostname)
        let document = try XMLTestDocument(xml)
        let problems = document.validate(against: try JUnitSchema.path)
        XCTAssertEqual(problems, [], "schema violations in:\n\(xml)", file: file, line: line)
    }

    func testPassingScenarioIsValid() throws {
        try assertValid(SimulationReport(scenarios: [ReportFixtures.passing]))
    }

    func testFailingAndErroringPhasesAreValid() throws {
        try assertValid(SimulationReport(scenarios: [ReportFixtures.mixed]))
    }

    func testScenarioThatCouldNotRunIsValid() throws {
        try assertValid(SimulationReport(scenarios: [ReportFixtures.broken]))
    }

    func testSpecialCharactersAreValid() throws {
        try assertValid(SimulationReport(scenarios: [ReportFixtures.hostile]))
    }

    func testFullReportIsValid() throws {
        try assertValid(ReportFixtures.full)
    }

    func testEmptyReportIsValid() throws {
        try assertValid(SimulationReport(scenarios: []))
    }

    func testEmptyNamesAndHostnameStayValid() throws {
        var scenario = ReportFixtures.passing
        scenario.name = ""
        scenario.phases[0].name = ""
        try assertValid(SimulationReport(scenarios: [scenario]), hostname: " ")
        let document = try XMLTestDocument(try JUnitReport.render(SimulationReport(scenarios: [scenario]), hostname: ""))
        XCTAssertEqual(document.string("/testsuites/testsuite/@name"), scenario.file)
        XCTAssertEqual(document.string("/testsuites/testsuite/@hostname"), "localhost")
        XCTAssertEqual(document.strings("//testcase/@name"), ["phase 1", "quiet"])
    }

    func testOddDurationsStayValid() throws {
        var scenario = ReportFixtures.mixed
        scenario.wallSeconds = -.infinity
        scenario.phases[0].wallSeconds = .nan
        scenario.phases[1].wallSeconds = -3
        scenario.phases[2].wallSeconds = 1e300
        try assertValid(SimulationReport(scenarios: [scenario]))
    }

    /// The schema is not vacuous: it rejects documents that break the JUnit shape.
    func testSchemaRejectsMalformedJUnit() throws {
        let schema = try JUnitSchema.path
        let broken = [
            #"<testsuites><testsuite name="s" tests="1" failures="0"/></testsuites>"#,  // errors missing
            #"<testsuites><testsuite name="s" tests="-1" failures="0" errors="0"/></testsuites>"#,
            #"<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>"#,
            #"<testsuites><testsuite name="s" tests="1" failures="0" errors="0" timestamp="2026-06-01T09:30:00.250Z"/></testsuites>"#,
            #"<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c"><skipped/><failure/></testcase></testsuite></testsuites>"#,
            #"<testsuites><testsuite name="s" tests="0" failures="0" errors="0"><testcase name="c" time="1e3"/></testsuite></testsuites>"#,
            #"<testsuites><testsuite name="a" id="0" tests="0" failures="0" errors="0"/><testsuite name="b" id="0" tests="0" failures="0" errors="0"/></testsuites>"#,
            #"<testsuites><testcase name="c"/></testsuites>"#,
        ]
        for xml in broken {
            XCTAssertNotEqual(try XMLTestDocument(xml).validate(against: schema), [], "accepted: \(xml)")
        }
        let minimal = #"<testsuite name="s" tests="1" failures="1" errors="0"><testcase name="c"><failure message="m">x</failure><error/></testcase></testsuite>"#
        XCTAssertEqual(try XMLTestDocument(minimal).validate(against: schema), [])
    }
}
