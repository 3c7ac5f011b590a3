import ArgumentParser
import Foundation
import SwitchyardConfig
import SwitchyardReports
import SwitchyardSimulator

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay scenario files against mock providers on a simulated clock, or (--live) through the real gateway.",
        discussion: """
            Each *.scenario.toml names a config, the gateway's environment, how upstreams answer, and phases of \
            traffic with expectations (statuses, variants and shares, providers, credentials, attempts, latency, \
            startup errors). Simulated time costs no real time: a 100,000-request phase takes well under a second.

            --coverage lists which functions, variants, models, providers, credential locations (each side of a \
            `{ default, fallback }`) and fallback edges of each config the requests exercised, and what none did.

            Exit codes: 0 every expectation held, 1 a scenario or its config is invalid, 2 an expectation failed, \
            3 coverage is below --fail-under.

            --live runs the same scenarios against the real gateway instead of the simulated clock: each phase \
            starts the gateway `serve` runs, in this process, on a free loopback port with the phase's environment; \
            every provider is pointed at loopback mock upstreams that answer in its wire format (OpenAI-compatible, \
            Anthropic, Google AI Studio Gemini) as the `respond` scripts say and reject revoked keys with 401; the \
            requests go over HTTP with the simulated run's episode ids, pins and credentials. Streaming sends ask for \
            `"stream": true`: the mocks stream their answers in the provider's stream format and each stream is read \
            to its end. --time-scale shrinks script latencies and `every` intervals (not the gateway's own timeouts \
            or retry backoff). expect.latency_ms bounds simulated latencies and is not checked live; trace times are \
            real milliseconds. Scenarios the gateway cannot serve yet (AWS and GCP provider types, shorthand models \
            no variant references) are reported as errors.

            Examples:
              switchyard simulate scenarios/
              switchyard simulate scenarios/load-balancing --junit report.xml --trace trace.jsonl
              switchyard simulate --config new/tensorzero.toml scenarios/   # the same scenarios against a changed config
              switchyard simulate --live --time-scale 0.01 scenarios/load-balancing   # against the real gateway
              switchyard simulate scenarios/ --coverage --fail-under 100
            """
    )

    @OptionGroup var options: ConfigOverride

    @Argument(help: ArgumentHelp("Scenario files, or folders searched for *.scenario.toml.", valueName: "scenario-file-or-dir"))
    var paths: [String]

    @Option(help: ArgumentHelp("Write a JUnit XML report here.", valueName: "report.xml"))
    var junit: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML page (traffic per phase, unmet expectations highlighted) here.", valueName: "report.html"))
    var html: String?

    @Option(help: ArgumentHelp("Write every request and attempt as JSON lines here.", valueName: "trace.jsonl"))
    var trace: String?

    @Option(help: "Replace every scenario's seed.")
    var seed: UInt64?

    @Flag(help: "Run against the real gateway on loopback, with mock upstreams speaking each provider's wire format.")
    var live = false

    @Option(help: ArgumentHelp("With --live: multiply script latencies and `every` intervals by this factor (default 1).", valueName: "factor"))
    var timeScale: Double?

    @Flag(help: "Report which items of each config the scenarios exercised.")
    var coverage = false

    @Option(help: ArgumentHelp("Exit 3 when coverage is below this percentage (implies --coverage).", valueName: "percent"))
    var failUnder: Double?

    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("No such scenario file or folder: \(path)")
        }
        if let timeScale {
            guard live else { throw ValidationError("--time-scale applies to --live runs only.") }
            guard timeScale.isFinite, timeScale >= 0 else { throw ValidationError("--time-scale must be a number ≥ 0, got \(timeScale).") }
        }
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under takes a percentage from 0 to 100.") }
        if live, coverage || failUnder != nil {
            throw ValidationError("--coverage and --fail-under apply to simulated runs, not --live.")
        }
    }

    func run() throws {
        let files = ScenarioFiles.expand(paths)
        guard !files.isEmpty else { throw ValidationError("No *.scenario.toml files under \(paths.joined(separator: ", ")).") }
        let traceSink = try trace.map { try TraceSink(path: $0) }
        let recorder = coverage || failUnder != nil ? CoverageRecorder() : nil
        var reports: [ScenarioReport] = []
        for file in files {
            let execution = ScenarioExecution(
                file: file, configOverride: options.config, seed: seed, trace: traceSink,
                live: live ? LiveOptions(timeScale: timeScale ?? 1) : nil, coverage: recorder
            )
            reports.append(execution.run())
        }
        try traceSink?.close()
        let report = SimulationReport(scenarios: reports)
        print(TerminalReport.render(report), terminator: "")
        if let junit {
            try JUnitReport.write(report, to: junit, hostname: ProcessInfo.processInfo.hostName)
        }
        if let html { try HTMLReport.write(report, to: html) }
        let coverageReport = recorder?.report()
        if let coverageReport { print("\n" + coverageReport.text(), terminator: "") }
        if report.hasErrors { throw invalidConfig }
        if report.hasFailures { throw ExitCode(2) }
        if let failUnder, let coverageReport, coverageReport.percent < failUnder {
            print("coverage \(coverageReport.percentText) is below --fail-under \(ReportNumbers.decimal(failUnder))%")
            throw reviewRuleCrossed
        }
    }
}

/// `simulate --config`: run scenarios against another config than the one they name.
struct ConfigOverride: ParsableArguments {
    @Option(help: ArgumentHelp("Run every scenario against this config (path or glob) instead of its own.", valueName: "path-or-glob"))
    var config: String?
}
