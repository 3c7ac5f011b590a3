/// `switchyard analyze` as JUnit XML (through libxml2), so that a finding fails a CI check.
///
/// ```xml
/// <testsuites name="switchyard analyze" tests="2" failures="1" errors="0">
///   <testsuite name="CONFIG" tests="2" failures="1" errors="0" skipped="0">
///     <testcase name="generate_haiku" classname="analyze">
///       <failure message="1 finding at or above error" type="single-point-of-failure">error[…] …</failure>
///       <system-out>findings below the threshold, and every failure's effect on the function</system-out>
///     </testcase>
///   </testsuite>
/// </testsuites>
/// ```
///
/// One testcase per function. Findings at or above `failOn` become its `<failure>`; without `failOn` no
/// finding fails (as the exit code does not), and every finding is listed in `<system-out>`.
public enum AnalysisJUnitReport {
    /// The `name` of the `<testsuites>` root.
    public static let rootName = "switchyard analyze"

    /// Renders `report` as JUnit XML (UTF-8, with an XML declaration and a trailing newline).
    /// - Throws: ``JUnitReportError/libxml2(function:)`` when libxml2 fails.
    public static func render(_ report: AnalysisReport, failOn: AnalysisSeverity?) throws -> String {
        let failing = Set(report.functions.filter { function in
            failOn.map { threshold in report.findings.contains { $0.function == function && $0.severity >= threshold } } ?? false
        })
        let tests = String(report.functions.count), failures = String(failing.count)
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        try writer.element("testsuites", ["name": rootName, "tests": tests, "failures": failures, "errors": "0"]) {
            try writer.element("testsuite", [
                "name": report.config, "tests": tests, "failures": failures, "errors": "0", "skipped": "0",
            ]) {
                try writer.element("properties") {
                    try writer.element("property", ["name": "seed", "value": String(report.seed)])
                    try writer.element("property", ["name": "requests_per_function", "value": String(report.requestsPerFunction)])
                }
                for function in report.functions {
                    try writeFunction(function, report: report, failOn: failOn, to: writer)
                }
            }
        }
        return try writer.finish()
    }

    /// Renders `report` and writes it to `path` atomically (see ``JUnitReport/write(_:to:hostname:)``).
    public static func write(_ report: AnalysisReport, failOn: AnalysisSeverity?, to path: String) throws {
        try AtomicFileWriter.write(Array(try render(report, failOn: failOn).utf8), to: path)
    }

    private static func writeFunction(_ function: String, report: AnalysisReport, failOn: AnalysisSeverity?, to writer: XMLStreamWriter) throws {
        let findings = report.findings.filter { $0.function == function }
        let failing = failOn.map { threshold in findings.filter { $0.severity >= threshold } } ?? []
        try writer.element("testcase", ["name": function, "classname": "analyze"]) {
            if let first = failing.first, let threshold = failOn {
                let message = "\(ReportText.count(failing.count, "finding")) at or above \(threshold.rawValue)"
                try writer.element("failure", ["message": message, "type": first.rule.rawValue]) {
                    try writer.text(failing.map(line).joined(separator: "\n"))
                }
            }
            let effects = report.failures.compactMap { failure in
                failure.effects.first { $0.function == function && $0.outcome != .unaffected }
                    .map { "\(failure.title): \(AnalysisTextReport.describe($0))" }
            }
            let output = findings.filter { !failing.contains($0) }.map(line) + effects
            if !output.isEmpty {
                try writer.element("system-out") { try writer.text(output.joined(separator: "\n")) }
            }
        }
    }

    private static func line(_ finding: AnalysisFinding) -> String {
        "\(finding.severity.rawValue)[\(finding.rule.rawValue)] \(finding.message) (simulated: \(finding.evidence))"
    }
}
