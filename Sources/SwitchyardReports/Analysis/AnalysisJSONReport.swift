import Foundation

/// `switchyard analyze --format json`: stable JSON (sorted keys, two-space indent, trailing newline, snake_case).
///
/// ```json
/// {
///   "config", "format" : "switchyard.analysis/1", "functions", "requests_per_function", "seed", "survivors",
///   "failures" : [ { "kind", "subject", "title", "effects" : [ { "function", "outcome", "requests", "lost",
///                    "rerouted", "extra_attempts_per_request" } ] } ],
///   "findings" : [ { "severity", "rule", "function", "message", "evidence" } ],
///   "totals" : { "errors", "warnings", "notes" }
/// }
/// ```
public enum AnalysisJSONReport {
    /// The value of the `format` field; changes when the layout changes incompatibly.
    public static let formatVersion = "switchyard.analysis/1"

    /// Renders `report` as JSON text.
    public static func render(_ report: AnalysisReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return String(decoding: try encoder.encode(Document(report)), as: UTF8.self) + "\n"
        } catch {
            // Unreachable: every value is a string, an integer or a finite number.
            preconditionFailure("AnalysisJSONReport: \(error)")
        }
    }
}

private struct Document: Encodable {
    let format = AnalysisJSONReport.formatVersion
    let config: String
    let seed: UInt64
    let requestsPerFunction: Int
    let functions: [String]
    let survivors: [String]
    let failures: [Failure]
    let findings: [Finding]
    let totals: [String: Int]

    init(_ report: AnalysisReport) {
        config = report.config
        seed = report.seed
        requestsPerFunction = report.requestsPerFunction
        functions = report.functions
        survivors = report.survivors
        failures = report.failures.map(Failure.init)
        findings = report.findings.map(Finding.init)
        totals = [
            "errors": report.findings.filter { $0.severity == .error }.count,
            "warnings": report.findings.filter { $0.severity == .warning }.count,
            "notes": report.findings.filter { $0.severity == .note }.count,
        ]
    }
}

private struct Failure: Encodable {
    let kind, subject, title: String
    let effects: [Effect]

    init(_ failure: FailureImpact) {
        kind = failure.kind.rawValue
        subject = failure.subject
        title = failure.title
        effects = failure.effects.map(Effect.init)
    }
}

private struct Effect: Encodable {
    let function, outcome: String
    let requests, lost, rerouted: Int
    let extraAttemptsPerRequest: Double

    init(_ effect: FunctionEffect) {
        function = effect.function
        outcome = effect.outcome.rawValue
        requests = effect.requests
        lost = effect.lost
        rerouted = effect.rerouted
        extraAttemptsPerRequest = (effect.extraAttemptsPerRequest * 1000).rounded() / 1000
    }
}

private struct Finding: Encodable {
    let severity, rule, function, message, evidence: String

    init(_ finding: AnalysisFinding) {
        severity = finding.severity.rawValue
        rule = finding.rule.rawValue
        function = finding.function
        message = finding.message
        evidence = finding.evidence
    }
}
