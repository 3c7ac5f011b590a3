/// `switchyard analyze` as plain text for a terminal or a CI log.
///
/// ```
/// Outage analysis of tensorzero.toml — 1000 simulated requests per function and failure, seed 1
///
/// env::OPENAI_API_KEY_1 revoked
///   generate_haiku: 487 of 1000 requests (48.7%) fail over, +0.487 attempts per request
///
/// error[single-point-of-failure] generate_haiku: function `generate_haiku` has …
///   simulated: …
///
/// survive any single failure: generate_haiku
/// 1 function: 0 errors, 0 warnings, 2 notes
/// ```
public enum AnalysisTextReport {
    /// Renders `report`, ending with a newline.
    public static func render(_ report: AnalysisReport) -> String {
        var lines = [
            "Outage analysis of \(report.config) — \(report.requestsPerFunction) simulated requests per function and failure, seed \(report.seed)",
        ]
        for failure in report.failures {
            lines.append("")
            lines.append(failure.title)
            let touched = failure.effects.filter { $0.outcome != .unaffected }
            if touched.isEmpty { lines.append("  no function affected") }
            for effect in touched { lines.append("  \(effect.function): \(describe(effect))") }
        }
        if !report.findings.isEmpty { lines.append("") }
        for finding in report.findings {
            lines.append("\(finding.severity.rawValue)[\(finding.rule.rawValue)] \(finding.function): \(finding.message)")
            lines.append("  simulated: \(finding.evidence)")
        }
        lines.append("")
        let survivors = report.survivors
        lines.append("survive any single failure: " + (survivors.isEmpty ? "none" : survivors.joined(separator: ", ")))
        lines.append(closingLine(report))
        return lines.map(TerminalReport.printable).joined(separator: "\n") + "\n"
    }

    /// `N functions: N errors, N warnings, N notes`.
    static func closingLine(_ report: AnalysisReport) -> String {
        let counts = [AnalysisSeverity.error, .warning, .note].map { severity in
            ReportText.count(report.findings.filter { $0.severity == severity }.count, severity.rawValue)
        }
        return "\(ReportText.count(report.functions.count, "function")): " + counts.joined(separator: ", ")
    }

    /// One function's effect in words.
    static func describe(_ effect: FunctionEffect) -> String {
        let attempts = effect.extraAttemptsPerRequest > 0 ? ", +\(ReportNumbers.decimal(effect.extraAttemptsPerRequest)) attempts per request" : ""
        switch effect.outcome {
        case .unaffected:
            return "unaffected"
        case .reroutes:
            return "\(effect.rerouted) of \(effect.requests) requests (\(ReportNumbers.percent(effect.rerouted, of: effect.requests))) fail over\(attempts)"
        case .losesSome:
            return "\(effect.lost) of \(effect.requests) requests (\(ReportNumbers.percent(effect.lost, of: effect.requests))) fail, "
                + "\(effect.rerouted) more fail over\(attempts)"
        case .losesAll:
            return "every request fails (\(effect.lost) of \(effect.requests))"
        }
    }
}
