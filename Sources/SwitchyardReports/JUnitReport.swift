/// The report as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub Actions reporters) read.
///
/// The XML is produced by libxml2's `xmlTextWriter`, so escaping is libxml2's. Layout:
///
/// ```xml
/// <testsuites name="switchyard simulate" tests="3" failures="1" errors="0" time="0.512">
///   <testsuite name="SCENARIO" tests="3" failures="1" errors="0" skipped="0" time="0.512"
///              timestamp="2026-06-01T09:30:00" hostname="ci-7" id="0" package="scenarios/load-balancing">
///     <properties>
///       <property name="seed" value="1"/>
///       <property name="config" value="tensorzero.toml"/>
///       <property name="file" value="scenarios/load-balancing/even.scenario.toml"/>
///     </properties>
///     <testcase name="PHASE" classname="SCENARIO" time="0.101">
///       <failure message="1 expectation not met" type="ExpectationFailed">served_by.x: expected all (1000), observed 900</failure>
///       <system-out>…summary lines and the checks that held…</system-out>
///     </testcase>
///   </testsuite>
/// </testsuites>
/// ```
///
/// - One `<testsuite>` per scenario file and one `<testcase>` per phase, named after the phase, with the
///   scenario's name as `classname`.
/// - A phase with unmet expectations gets a `<failure>` listing each as `name: expected X, observed Y`;
///   a phase that could not run gets an `<error type="PhaseError">`.
/// - A scenario that could not run gets a first testcase named `scenario` whose `<error
///   type="ScenarioError">` lists the problems.
/// - `timestamp` is the scenario's start in UTC, to the second, without a zone designator (the form the
///   common JUnit schemas accept); times are seconds with three decimals.
///
/// The same report always renders to the same bytes: nothing is read from the clock or the machine
/// except the `hostname` passed in.
public enum JUnitReport {
    /// The `name` of the `<testsuites>` root.
    public static let rootName = "switchyard simulate"

    /// Renders `report` as JUnit XML (UTF-8, with an XML declaration and a trailing newline).
    /// An empty (or all-blank) `hostname` is written as `localhost`.
    /// - Throws: ``JUnitReportError/libxml2(function:)`` when libxml2 fails (e.g. out of memory).
    public static func render(_ report: SimulationReport, hostname: String) throws -> String {
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        let tally = ReportTally(report)
        try writer.element("testsuites", [
            "name": rootName,
            "tests": String(tally.tests),
            "failures": String(tally.failed),
            "errors": String(tally.errors),
            "time": ReportText.seconds(tally.wallSeconds),
        ]) {
            for (index, scenario) in report.scenarios.enumerated() {
                try JUnitSuiteWriter(scenario: scenario, id: index, hostname: hostname).write(to: writer)
            }
        }
        return try writer.finish()
    }

    /// Renders `report` and writes it to `path` atomically: the XML goes to a temporary file in the same
    /// folder, which then replaces `path` in one `rename`. Readers see the old file or the complete new
    /// one, never a part; on failure the temporary file is removed and `path` is left as it was.
    /// - Throws: ``JUnitReportError``.
    public static func write(_ report: SimulationReport, to path: String, hostname: String) throws {
        let xml = try render(report, hostname: hostname)
        try AtomicFileWriter.write(Array(xml.utf8), to: path)
    }
}
