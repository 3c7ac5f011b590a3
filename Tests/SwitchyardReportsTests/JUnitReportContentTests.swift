import SwitchyardReports
import XCTest

/// What the JUnit XML says, read back through libxml2's XPath.
final class JUnitReportContentTests: XCTestCase {
    private func document(_ report: SimulationReport = ReportFixtures.full) throws -> XMLTestDocument {
        try XMLTestDocument(try JUnitReport.render(report, hostname: "ci-runner-7"))
    }

    func testRootTotals() throws {
        let xml = try document()
        XCTAssertEqual(xml.string("name(/*)"), "testsuites")
        XCTAssertEqual(xml.string("/testsuites/@name"), "switchyard simulate")
        XCTAssertEqual(xml.string("/testsuites/@tests"), "9")
        XCTAssertEqual(xml.string("/testsuites/@failures"), "2")
        XCTAssertEqual(xml.string("/testsuites/@errors"), "4")
        XCTAssertEqual(xml.string("/testsuites/@time"), "3.765")
        XCTAssertEqual(xml.count("/testsuites/testsuite"), 4)
        XCTAssertEqual(xml.count("//testcase"), 9)
        XCTAssertEqual(xml.count("//testcase[failure]"), 2)
        XCTAssertEqual(xml.count("//testcase[error]"), 4)
    }

    func testSuiteAttributesAndProperties() throws {
        let xml = try document()
        let suite = "/testsuites/testsuite[1]"
        XCTAssertEqual(xml.string("\(suite)/@name"), "Two OpenAI keys share the traffic")
        XCTAssertEqual(xml.string("\(suite)/@tests"), "2")
        XCTAssertEqual(xml.string("\(suite)/@failures"), "0")
        XCTAssertEqual(xml.string("\(suite)/@errors"), "0")
        XCTAssertEqual(xml.string("\(suite)/@skipped"), "0")
        XCTAssertEqual(xml.string("\(suite)/@time"), "0.512")
        XCTAssertEqual(xml.string("\(suite)/@timestamp"), "2026-06-01T09:30:00")
        XCTAssertEqual(xml.string("\(suite)/@hostname"), "ci-runner-7")
        XCTAssertEqual(xml.string("\(suite)/@id"), "0")
        XCTAssertEqual(xml.string("\(suite)/@package"), "scenarios/load-balancing")
        XCTAssertEqual(xml.strings("\(suite)/properties/property/@name"), ["seed", "config", "file"])
        XCTAssertEqual(xml.strings("\(suite)/properties/property/@value"),
                       ["1", "tensorzero.toml", "scenarios/load-balancing/keys.scenario.toml"])
        XCTAssertEqual(xml.strings("/testsuites/testsuite/@id"), ["0", "1", "2", "3"])
        XCTAssertEqual(xml.string("/testsuites/testsuite[2]/@timestamp"), "2000-02-29T00:00:00")
    }

    func testEveryPhaseIsATestcase() throws {
        let xml = try document()
        let suite = "/testsuites/testsuite[2]"
        XCTAssertEqual(xml.strings("\(suite)/testcase/@name"), ["healthy", "key 2 revoked", "restart without keys"])
        XCTAssertEqual(Set(xml.strings("\(suite)/testcase/@classname")), ["A revoked key fails over"])
        XCTAssertEqual(xml.strings("\(suite)/testcase/@time"), ["0.250", "0.500", "0.001"])
        XCTAssertEqual(xml.string("\(suite)/@tests"), "3")
        XCTAssertEqual(xml.string("\(suite)/@failures"), "1")
        XCTAssertEqual(xml.string("\(suite)/@errors"), "1")
        XCTAssertEqual(xml.count("\(suite)/testcase[1]/*[self::failure or self::error]"), 0)
    }

    func testFailureListsEveryUnmetExpectation() throws {
        let xml = try document()
        let testcase = "/testsuites/testsuite[2]/testcase[2]"
        XCTAssertEqual(xml.count("\(testcase)/failure"), 1)
        XCTAssertEqual(xml.string("\(testcase)/failure/@message"), "2 expectations not met")
        XCTAssertEqual(xml.string("\(testcase)/failure/@type"), "ExpectationFailed")
        XCTAssertEqual(xml.string("\(testcase)/failure"), """
            status.200: expected all (1000), observed 900
            served_by.gpt_4o_mini_1.openai: expected all (1000), observed 900
            """)
        XCTAssertEqual(xml.string("\(testcase)/system-out"), """
            status: 200×900 401×100
            served by: gpt_4o_mini_1.openai 900
            ✓ attempts: expected 1000, observed 1000
            """)
        let single = "/testsuites/testsuite[4]/testcase[2]/failure/@message"
        XCTAssertEqual(xml.string(single), "1 expectation not met")
    }

    func testPhaseErrorWinsOverItsFailedChecks() throws {
        let xml = try document()
        let testcase = "/testsuites/testsuite[2]/testcase[3]"
        XCTAssertEqual(xml.count("\(testcase)/failure"), 0)
        XCTAssertEqual(xml.string("\(testcase)/error/@type"), "PhaseError")
        XCTAssertEqual(xml.string("\(testcase)/error/@message"),
                       "gateway failed to start: Environment variable `OPENAI_API_KEY` is missing")
        XCTAssertEqual(xml.string("\(testcase)/error"), """
            gateway failed to start: Environment variable `OPENAI_API_KEY` is missing
            startup: expected ok, observed error
            """)
        XCTAssertEqual(xml.count("\(testcase)/system-out"), 0)
    }

    func testScenarioThatCouldNotRunIsOneErroredTestcase() throws {
        let xml = try document()
        let suite = "/testsuites/testsuite[3]"
        XCTAssertEqual(xml.string("\(suite)/@tests"), "1")
        XCTAssertEqual(xml.string("\(suite)/@errors"), "1")
        XCTAssertEqual(xml.string("\(suite)/@package"), "scenarios")
        XCTAssertEqual(xml.strings("\(suite)/testcase/@name"), ["scenario"])
        XCTAssertEqual(xml.string("\(suite)/testcase/@classname"), "broken.scenario.toml")
        XCTAssertEqual(xml.string("\(suite)/testcase/@time"), "0.003")
        XCTAssertEqual(xml.string("\(suite)/testcase/error/@type"), "ScenarioError")
        XCTAssertEqual(xml.string("\(suite)/testcase/error/@message"), "2 problems kept the scenario from running")
        XCTAssertEqual(xml.string("\(suite)/testcase/error"), ReportFixtures.broken.errors.joined(separator: "\n"))
    }

    func testSpecialCharactersRoundTrip() throws {
        let xml = try document()
        let hostile = ReportFixtures.hostile
        let suite = "/testsuites/testsuite[4]"
        XCTAssertEqual(xml.string("\(suite)/@name"), hostile.name)
        XCTAssertEqual(xml.string("\(suite)/@package"), "scenarios/ünïcode")
        XCTAssertEqual(xml.strings("\(suite)/properties/property/@value"),
                       ["18446744073709551615", "a&b<c>.toml", hostile.file])
        XCTAssertEqual(xml.strings("\(suite)/testcase/@name"), ["scenario", hostile.phases[0].name, "multi\nline\r\nname"])
        XCTAssertEqual(xml.string("\(suite)/testcase[1]/error/@message"), "bad <path> & \"file\"\nsecond line")
        XCTAssertEqual(xml.string("\(suite)/testcase[2]/failure"), "status.<&>: expected \"all\" (3), observed '2' — ✗")
        XCTAssertEqual(xml.string("\(suite)/testcase[2]/system-out"), """
            line with <tag> & "quotes" 'apos'
            tab\there, bell\u{FFFD}here
            ✓ error: expected contains «é», observed contains «é»
            """)
        // NUL and ESC cannot appear in XML at all; they arrive as U+FFFD.
        XCTAssertEqual(xml.string("\(suite)/testcase[3]/error/@message"), "first line <a>\nsecond line & more\u{FFFD}\u{FFFD}[31m")
    }

    func testRawTextIsEscapedByLibxml2() throws {
        let text = try JUnitReport.render(SimulationReport(scenarios: [ReportFixtures.hostile]), hostname: "h")
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        XCTAssertTrue(text.hasSuffix("</testsuites>\n"))
        XCTAssertTrue(text.contains("name=\"Lastverteilung &lt;&amp;&quot;'&gt; — Ölpreis 日本語 🚂\""))
        XCTAssertTrue(text.contains("name=\"multi&#10;line&#13;&#10;name\""))
        XCTAssertTrue(text.contains("]]&gt;"))
        XCTAssertFalse(text.contains("\u{0}"))
        XCTAssertFalse(text.contains("\u{1B}"))
    }

    func testSameReportRendersToSameBytes() throws {
        let first = try JUnitReport.render(ReportFixtures.full, hostname: "ci-runner-7")
        for _ in 0..<5 {
            XCTAssertEqual(try JUnitReport.render(ReportFixtures.full, hostname: "ci-runner-7"), first)
        }
        XCTAssertNotEqual(try JUnitReport.render(ReportFixtures.full, hostname: "elsewhere"), first)
    }

    func testPassingReportLayout() throws {
        let text = try JUnitReport.render(SimulationReport(scenarios: [ReportFixtures.passing]), hostname: "ci-runner-7")
        XCTAssertEqual(text, """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="switchyard simulate" tests="2" failures="0" errors="0" time="0.512">
              <testsuite name="Two OpenAI keys share the traffic" tests="2" failures="0" errors="0" skipped="0" time="0.512" timestamp="2026-06-01T09:30:00" hostname="ci-runner-7" id="0" package="scenarios/load-balancing">
                <properties>
                  <property name="seed" value="1"/>
                  <property name="config" value="tensorzero.toml"/>
                  <property name="file" value="scenarios/load-balancing/keys.scenario.toml"/>
                </properties>
                <testcase name="healthy: even split" classname="Two OpenAI keys share the traffic" time="0.412">
                  <system-out>status: 200×2000
            variants: gpt_4o_mini_1 1003, gpt_4o_mini_2 997
            ✓ status.200: expected all (2000), observed 2000
            ✓ variant_share.gpt_4o_mini_1: expected 0.5 ± 0.03, observed 0.5015</system-out>
                </testcase>
                <testcase name="quiet" classname="Two OpenAI keys share the traffic" time="0.100">
                  <system-out>✓ status.200: expected all (1), observed 1</system-out>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }
}
