/// The report as plain text for a terminal or a CI log.
///
/// ```
/// Two OpenAI keys share the traffic — scenarios/lb/keys.scenario.toml (config tensorzero.toml, seed 1)
///   ✓ healthy: even split — 2000 requests, 0.412s
///       status: 200×2000
///       ✓ status.200: expected all (2000), observed 2000
///   ✗ key 2 revoked — 1000 requests, 0.101s
///       ✗ served_by.gpt_4o_mini_1.openai: expected all (1000), observed 900
///
/// 1 scenario, 2 phases: 1 passed, 1 failed, 0 errors
/// ```
///
/// A phase that could not run shows `error:` and its reason; a scenario that could not run shows
/// `✗ could not run` and each problem. The closing line counts as ``ReportTally`` does. Text from the
/// report never carries control characters to the terminal (they show as U+FFFD).
public enum TerminalReport {
    /// Renders `report`, ending with a newline. ANSI colors (green ✓, red ✗, bold headers) only when
    /// `colors` is true.
    public static func render(_ report: SimulationReport, colors: Bool = false) -> String {
        let style = Style(enabled: colors)
        var lines: [String] = []
        for scenario in report.scenarios {
            lines += scenarioLines(scenario, style: style)
            lines.append("")
        }
        lines.append(closingLine(ReportTally(report)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `N scenarios, N phases: N passed, N failed, N errors`.
    public static func closingLine(_ tally: ReportTally) -> String {
        let scenarios = ReportText.count(tally.scenarios, "scenario")
        let phases = ReportText.count(tally.phases, "phase")
        return "\(scenarios), \(phases): \(tally.passed) passed, \(tally.failed) failed, \(ReportText.count(tally.errors, "error"))"
    }

    private static func scenarioLines(_ scenario: ScenarioReport, style: Style) -> [String] {
        let header = "\(scenario.name) — \(scenario.file) (config \(scenario.config), seed \(scenario.seed))"
        var lines = [style.bold(printable(header))]
        if scenario.couldNotRun {
            lines.append("  \(style.cross) could not run")
            lines += scenario.errors.flatMap { indented($0, by: 6) }
        }
        for phase in scenario.phases {
            let mark = phase.outcome == .passed ? style.tick : style.cross
            let requests = ReportText.count(phase.requests, "request")
            lines.append("  \(mark) \(printable(phase.name)) — \(requests), \(ReportText.seconds(phase.wallSeconds))s")
            if let error = phase.error {
                lines += indented(error, by: 6, label: style.red("error:") + " ")
            }
            lines += phase.summary.flatMap { indented($0, by: 6) }
            for check in phase.checks {
                lines += indented(ReportText.check(check), by: 6, label: (check.passed ? style.tick : style.cross) + " ")
            }
        }
        return lines
    }

    /// Each line of `text` (which may span several) made printable and indented by `width` spaces;
    /// `label` goes before the first line.
    private static func indented(_ text: String, by width: Int, label: String = "") -> [String] {
        let padding = String(repeating: " ", count: width)
        return ReportText.lines(text).enumerated().map { index, line in
            padding + (index == 0 ? label : "") + printable(line)
        }
    }

    /// `text` with control characters (other than tab) shown as U+FFFD, so that text from scenario
    /// files can never move the cursor, recolor the terminal or break a line.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar.properties.generalCategory == .control
    }

    /// ANSI styling, or none.
    private struct Style {
        let enabled: Bool

        var tick: String { paint("✓", "32") }
        var cross: String { paint("✗", "31") }
        func red(_ text: String) -> String { paint(text, "31") }
        func bold(_ text: String) -> String { paint(text, "1") }

        private func paint(_ text: String, _ code: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }
}
