/// `simulate --html`: one self-contained page (inline CSS and SVG, no script, nothing fetched) with, per
/// phase, the traffic share by variant, provider and credential as bar charts, the attempts and failures,
/// and every expectation, the unmet ones highlighted.
///
/// The markup is well-formed XML as well as HTML, so tests read it back with an XML parser; figures carry
/// `data-*` attributes (`data-figure`, `data-key`, `data-count`) for that.
public enum HTMLReport {
    /// The page for `report`.
    public static func render(_ report: SimulationReport) -> String {
        let tally = ReportTally(report)
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"/><title>Switchyard simulation</title>
        <style>\(HTMLReportStyle.css)</style></head><body>
        <h1>Switchyard simulation</h1>
        <p class="tally" data-figure="tally">\(tally.scenarios) scenario(s), \(tally.phases) phase(s): \(tally.passed) passed, \
        \(tally.failed) failed, \(tally.errors) error(s)</p>

        """
        for scenario in report.scenarios { html += section(scenario) }
        return html + "</body></html>\n"
    }

    /// Writes the page to `path`, replacing it all at once.
    public static func write(_ report: SimulationReport, to path: String) throws {
        try AtomicFileWriter.write(Array(render(report).utf8), to: path)
    }

    private static func section(_ scenario: ScenarioReport) -> String {
        var html = "<section class=\"scenario\" data-file=\"\(escape(scenario.file))\">\n<h2>\(escape(scenario.name))</h2>\n"
        html += "<p class=\"meta\">\(escape(scenario.file)) · config \(escape(scenario.config)) · seed \(scenario.seed)</p>\n"
        for error in scenario.errors { html += "<pre class=\"error\">\(escape(error))</pre>\n" }
        for phase in scenario.phases { html += self.phase(phase) }
        return html + "</section>\n"
    }

    private static func phase(_ phase: PhaseReport) -> String {
        var html = "<section class=\"phase \(phase.outcome.rawValue)\" data-phase=\"\(escape(phase.name))\" data-outcome=\"\(phase.outcome.rawValue)\">\n"
        html += "<h3>\(escape(phase.name)) <span class=\"badge\">\(phase.outcome.rawValue)</span></h3>\n"
        if let error = phase.error { html += "<pre class=\"error\">\(escape(error))</pre>\n" }
        if let traffic = phase.traffic {
            html += figures(traffic)
            html += "<div class=\"charts\">\n"
            html += chart("variant", "Successes by variant", traffic.byVariant, of: traffic.successes)
            html += chart("provider", "Successes by provider", traffic.byProvider, of: traffic.successes)
            html += chart("credential", "Successes by credential", traffic.byCredential, of: traffic.successes)
            html += chart("status", "Requests by status", Dictionary(uniqueKeysWithValues: traffic.byStatus.map { (String($0.key), $0.value) }), of: traffic.requests)
            html += "</div>\n"
        } else if phase.error == nil {
            html += "<p class=\"meta\">no requests sent</p>\n"
        }
        if !phase.checks.isEmpty { html += checks(phase.checks) }
        return html + "</section>\n"
    }

    private static func figures(_ traffic: PhaseTraffic) -> String {
        let perRequest = traffic.requests > 0 ? Double(traffic.attempts) / Double(traffic.requests) : 0
        let rows: [(String, String, String)] = [
            ("requests", "requests", String(traffic.requests)),
            ("successes", "answered 200", String(traffic.successes)),
            ("failures", "failed", "\(traffic.failures) (\(ReportNumbers.percent(traffic.failures, of: traffic.requests)))"),
            ("attempts", "upstream attempts", "\(traffic.attempts) (\(ReportNumbers.decimal(perRequest)) per request)"),
            ("fallback-credential", "served by a fallback credential", String(traffic.fallbackCredential)),
        ]
        var html = "<table class=\"figures\">\n"
        for (key, label, value) in rows {
            html += "<tr data-figure=\"\(key)\"><th>\(label)</th><td>\(escape(value))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// A horizontal bar chart: one row per key (sorted), the bar's length its share of `total`.
    private static func chart(_ kind: String, _ title: String, _ counts: [String: Int], of total: Int) -> String {
        guard !counts.isEmpty else { return "" }
        let rows = counts.sorted { $0.key < $1.key }
        let (rowHeight, labelWidth, barWidth) = (22, 260, 240)
        let height = rows.count * rowHeight + 4
        var svg = "<figure class=\"chart\" data-chart=\"\(kind)\"><figcaption>\(title)</figcaption>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 110)\" height=\"\(height)\" role=\"img\" aria-label=\"\(title)\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 2
            let fraction = total > 0 ? Double(row.value) / Double(total) : 0
            let length = Int((fraction * Double(barWidth)).rounded())
            let share = ReportNumbers.percent(row.value, of: total)
            svg += "<g class=\"bar\" data-key=\"\(escape(row.key))\" data-count=\"\(row.value)\" data-share=\"\(share)\">"
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(row.key))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(row.value) (\(share))</text></g>\n"
        }
        return svg + "</svg></figure>\n"
    }

    private static func checks(_ checks: [ExpectationCheck]) -> String {
        var html = "<table class=\"checks\">\n<tr><th>expectation</th><th>expected</th><th>observed</th><th></th></tr>\n"
        for check in checks {
            let state = check.passed ? "met" : "unmet"
            html += "<tr class=\"\(state)\" data-check=\"\(escape(check.name))\"><td>\(escape(check.name))</td>"
            html += "<td>\(escape(check.expected))</td><td>\(escape(check.observed))</td><td>\(check.passed ? "✓ met" : "✗ unmet")</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Text safe in HTML (and XML) content and double-quoted attributes; control characters neither can carry
    /// become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
