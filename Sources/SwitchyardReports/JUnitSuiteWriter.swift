/// Writes one scenario as a JUnit `<testsuite>` (see ``JUnitReport`` for the layout).
struct JUnitSuiteWriter {
    let scenario: ScenarioReport
    let id: Int
    let hostname: String

    /// The suite's name and every testcase's `classname`: the scenario's name, or its file when the
    /// name is empty (JUnit consumers require a name).
    private var suiteName: String {
        if !scenario.name.isEmpty { return scenario.name }
        return scenario.file.isEmpty ? "scenario \(id + 1)" : scenario.file
    }

    func write(to writer: XMLStreamWriter) throws {
        let tally = ReportTally(scenario)
        try writer.element("testsuite", [
            "name": suiteName,
            "tests": String(tally.tests),
            "failures": String(tally.failed),
            "errors": String(tally.errors),
            "skipped": "0",
            "time": ReportText.seconds(tally.wallSeconds),
            "timestamp": ReportText.timestamp(scenario.timestamp),
            "hostname": hostname.allSatisfy(\.isWhitespace) ? "localhost" : hostname,
            "id": String(id),
            "package": Self.package(of: scenario.file),
        ]) {
            try writer.element("properties") {
                try writer.element("property", ["name": "seed", "value": String(scenario.seed)])
                try writer.element("property", ["name": "config", "value": scenario.config])
                try writer.element("property", ["name": "file", "value": scenario.file])
            }
            if scenario.couldNotRun { try writeScenarioErrors(to: writer) }
            for (index, phase) in scenario.phases.enumerated() { try writePhase(phase, number: index + 1, to: writer) }
        }
    }

    /// The testcase standing for a scenario that could not run.
    private func writeScenarioErrors(to writer: XMLStreamWriter) throws {
        let phaseSeconds = scenario.phases.reduce(0.0) { $0 + ($1.wallSeconds.isFinite ? max(0, $1.wallSeconds) : 0) }
        let message = scenario.errors.count == 1
            ? scenario.errors[0]
            : "\(scenario.errors.count) problems kept the scenario from running"
        try writer.element("testcase", [
            "name": "scenario",
            "classname": suiteName,
            "time": ReportText.seconds(scenario.wallSeconds - phaseSeconds),
        ]) {
            try writer.element("error", ["message": message, "type": "ScenarioError"]) {
                try writer.text(scenario.errors.joined(separator: "\n"))
            }
        }
    }

    /// One phase as a testcase; a phase without a name is called `phase N` (1-based).
    private func writePhase(_ phase: PhaseReport, number: Int, to writer: XMLStreamWriter) throws {
        try writer.element("testcase", [
            "name": phase.name.isEmpty ? "phase \(number)" : phase.name,
            "classname": suiteName,
            "time": ReportText.seconds(phase.wallSeconds),
        ]) {
            let unmet = phase.failedChecks.map(ReportText.check)
            if let error = phase.error {
                try writer.element("error", ["message": error, "type": "PhaseError"]) {
                    try writer.text(([error] + unmet).joined(separator: "\n"))
                }
            } else if !unmet.isEmpty {
                let message = "\(ReportText.count(unmet.count, "expectation")) not met"
                try writer.element("failure", ["message": message, "type": "ExpectationFailed"]) {
                    try writer.text(unmet.joined(separator: "\n"))
                }
            }
            let output = phase.summary + phase.passedChecks.map { "✓ " + ReportText.check($0) }
            if !output.isEmpty {
                try writer.element("system-out") { try writer.text(output.joined(separator: "\n")) }
            }
        }
    }

    /// The folder of the scenario file, which groups suites in CI views (`.` for a bare file name).
    static func package(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let folder = String(file[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
