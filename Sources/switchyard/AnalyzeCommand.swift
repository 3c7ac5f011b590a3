import ArgumentParser
import Foundation
import SwitchyardConfig
import SwitchyardPlan
import SwitchyardReports
import SwitchyardSimulator

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "What breaks when one credential, provider or model fails, proven in the simulator.",
        discussion: """
            Every credential variable the config names gets a stand-in value (--env-file supplies real ones), then \
            the plan runs in the simulator once healthy and once per failure: each credential location revoked \
            (upstreams answer 401 to it), each provider down, each model with several providers down (503), and \
            each dynamic credential left out of requests. Findings: single points of failure, partial outages, \
            capacity loss, never-sampled variants, odd weights, fallbacks reusing the failing credential, and \
            dynamic credentials without a fallback.

            Exit codes: 0 ok, 1 the config is invalid, 3 a finding at or above --fail-on.

            Examples:
              switchyard analyze --config scenarios/load-balancing/tensorzero.toml
              switchyard analyze --config config/tensorzero.toml --fail-on error --junit analysis.xml
              switchyard analyze --config config/tensorzero.toml --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case junit
    }

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case warning
        case error

        var severity: AnalysisSeverity { self == .error ? .error : .warning }
    }

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output format: text, json or junit.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write a JUnit XML report here.", valueName: "report.xml"))
    var junit: String?

    @Option(help: "Exit 3 when a finding is at least this severe: warning or error.")
    var failOn: Threshold?

    @Option(help: "Requests sent to each function in every simulated run.")
    var requests = 1000

    @Option(help: "Seed of the simulated runs (episodes, retry jitter).")
    var seed: UInt64 = 1

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be at least 1.") }
    }

    func run() throws {
        var overrides = Environment()
        if let envFile = options.envFile {
            let (fileEnvironment, diagnostics) = EnvironmentFile.read(envFile)
            guard diagnostics.isEmpty else { throw ValidationError(diagnostics.map(\.description).joined(separator: "\n")) }
            overrides = fileEnvironment
        }
        let outcome = OutageAnalysis.run(
            configAt: try options.configPattern(), overrides: overrides, options: .init(requestsPerFunction: requests, seed: seed)
        )
        guard case .analysed(let report) = outcome else {
            if case .invalid(let compilation) = outcome { print(CheckReport(compilation).text, terminator: "") }
            throw invalidConfig
        }
        let threshold = failOn?.severity
        switch format {
        case .text: print(AnalysisTextReport.render(report), terminator: "")
        case .json: print(AnalysisJSONReport.render(report), terminator: "")
        case .junit: print(try AnalysisJUnitReport.render(report, failOn: threshold), terminator: "")
        }
        if let junit { try AnalysisJUnitReport.write(report, failOn: threshold, to: junit) }
        if let threshold, !report.findings(atLeast: threshold).isEmpty { throw reviewRuleCrossed }
    }
}
