import Foundation

/// The whole report as stable JSON: sorted keys, two-space indent, trailing newline, snake_case keys.
///
/// ```json
/// {
///   "format" : "switchyard.report/1",
///   "scenarios" : [ { "config", "errors", "file", "name", "outcome", "phases", "seed", "timestamp", "wall_seconds" } ],
///   "totals" : { "errors", "failed", "passed", "phases", "scenarios", "tests", "wall_seconds" }
/// }
/// ```
///
/// Each phase holds `name`, `outcome` (`passed`, `failed` or `error`), `requests`, `wall_seconds`,
/// `summary`, `checks` (`name`, `expected`, `observed`, `passed`) and `error` (or `null`). A scenario's
/// `outcome` is `error` when it or a phase could not run, else `failed` when a phase failed, else
/// `passed`. `timestamp` is ISO 8601 in UTC with milliseconds (`2026-06-01T09:30:00.250Z`). A
/// non-finite duration is left out.
public enum JSONReport {
    /// The value of the `format` field; changes when the layout changes incompatibly.
    public static let formatVersion = "switchyard.report/1"

    /// Renders `report` as JSON text.
    public static func render(_ report: SimulationReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(Document(report))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Unreachable: every value is a string, a bool, an integer or a finite number.
            preconditionFailure("JSONReport: \(error)")
        }
    }
}

private struct Document: Encodable {
    let format = JSONReport.formatVersion
    let scenarios: [Scenario]
    let totals: Totals

    init(_ report: SimulationReport) {
        scenarios = report.scenarios.map(Scenario.init)
        totals = Totals(ReportTally(report))
    }
}

private struct Totals: Encodable {
    let scenarios, phases, tests, passed, failed, errors: Int
    let wallSeconds: Double?

    init(_ tally: ReportTally) {
        scenarios = tally.scenarios
        phases = tally.phases
        tests = tally.tests
        passed = tally.passed
        failed = tally.failed
        errors = tally.errors
        wallSeconds = finite(tally.wallSeconds)
    }

    enum CodingKeys: String, CodingKey {
        case scenarios, phases, tests, passed, failed, errors
        case wallSeconds = "wall_seconds"
    }
}

private struct Scenario: Encodable {
    let file, name, config, timestamp, outcome: String
    let seed: UInt64
    let wallSeconds: Double?
    let phases: [Phase]
    let errors: [String]

    init(_ scenario: ScenarioReport) {
        file = scenario.file
        name = scenario.name
        config = scenario.config
        timestamp = isoTimestamp(scenario.timestamp)
        seed = scenario.seed
        wallSeconds = finite(scenario.wallSeconds)
        phases = scenario.phases.map(Phase.init)
        errors = scenario.errors
        let tally = ReportTally(scenario)
        outcome = tally.errors > 0 ? "error" : tally.failed > 0 ? "failed" : "passed"
    }

    enum CodingKeys: String, CodingKey {
        case file, name, config, timestamp, outcome, seed, phases, errors
        case wallSeconds = "wall_seconds"
    }
}

private struct Phase: Encodable {
    let name, outcome: String
    let requests: Int
    let wallSeconds: Double?
    let summary: [String]
    let checks: [Check]
    let error: String?

    init(_ phase: PhaseReport) {
        name = phase.name
        outcome = phase.outcome.rawValue
        requests = phase.requests
        wallSeconds = finite(phase.wallSeconds)
        summary = phase.summary
        checks = phase.checks.map(Check.init)
        error = phase.error
    }

    enum CodingKeys: String, CodingKey {
        case name, outcome, requests, summary, checks, error
        case wallSeconds = "wall_seconds"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(requests, forKey: .requests)
        try container.encodeIfPresent(wallSeconds, forKey: .wallSeconds)
        try container.encode(summary, forKey: .summary)
        try container.encode(checks, forKey: .checks)
        try container.encode(error, forKey: .error)  // `null` when the phase ran
    }
}

private struct Check: Encodable {
    let name, expected, observed: String
    let passed: Bool

    init(_ check: ExpectationCheck) {
        name = check.name
        expected = check.expected
        observed = check.observed
        passed = check.passed
    }
}

private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

/// `2026-06-01T09:30:00.250Z`: the JUnit timestamp plus milliseconds and the UTC designator.
private func isoTimestamp(_ date: Date) -> String {
    let raw = date.timeIntervalSince1970
    guard raw.isFinite else { return ReportText.timestamp(date) + ".000Z" }
    let millis = Int((raw - raw.rounded(.down)) * 1000) % 1000
    let digits = String(millis)
    return ReportText.timestamp(date) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
}
