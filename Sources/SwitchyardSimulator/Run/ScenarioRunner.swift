import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan
import SwitchyardReports

/// Runs a scenario's phases in order against its config and reports every expectation.
public struct ScenarioRunner {
    /// How to run.
    public struct Options {
        /// Replaces the scenario's own `seed`.
        public var seed: UInt64?
        /// Receives one JSON line per request.
        public var trace: TraceSink?
        /// Receives progress on long phases (`phase name`, finished requests, total requests).
        public var progress: ((String, Int, Int) -> Void)?
        /// Counts what the requests exercised (`simulate --coverage`).
        public var coverage: CoverageRecorder?

        public init(seed: UInt64? = nil, trace: TraceSink? = nil, progress: ((String, Int, Int) -> Void)? = nil, coverage: CoverageRecorder? = nil) {
            self.seed = seed
            self.trace = trace
            self.progress = progress
            self.coverage = coverage
        }
    }

    /// Diagnostic codes whose errors depend on the environment: they mean "the gateway fails to start",
    /// which scenarios may expect, not "the config is invalid".
    static let startupCodes: Set<DiagnosticCode> = [
        .environmentVariableMissing, .credentialFileUnreadable, .gcpCredentialFile, .trackAndStopInvalid, .azureLegacyKey,
    ]

    public let scenario: Scenario
    public let options: Options

    public init(scenario: Scenario, options: Options = Options()) {
        self.scenario = scenario
        self.options = options
    }

    public func run() -> ScenarioReport {
        run(obstacles: { _, _ in [] }, phase: { $0.run() })
    }

    /// Loads the config, checks the scenario, then runs each phase with `phase`, restarting the gateway whenever
    /// the environment changes. `obstacles` (given the config and its folder) may refuse the run before any phase.
    func run(obstacles: (ConfigLoader.Result, String) -> [String], phase runPhase: (PhaseRun) -> PhaseReport) -> ScenarioReport {
        let began = Date()
        let seed = options.seed ?? scenario.seed
        let config = ConfigLoader.load(scenario.configPattern.value)
        let workingDirectory = config.config.files.first.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        var report = ScenarioReport(
            file: scenario.file, name: scenario.description ?? (scenario.file as NSString).lastPathComponent,
            config: scenario.configPattern.value, seed: seed, timestamp: began, wallSeconds: 0, phases: [], errors: []
        )
        options.coverage?.include(config, environment: scenario.environment, workingDirectory: workingDirectory)
        let initial = GatewayStart(config: config, environment: scenario.environment, workingDirectory: workingDirectory)
        let upstreams = UpstreamNames(config: config.config)
        report.errors = configErrors(initial)
        if report.errors.isEmpty {
            report.errors = upstreams.unknown(in: scenario).map(\.description)
        }
        if report.errors.isEmpty {
            report.errors = obstacles(config, workingDirectory)
        }
        if report.errors.isEmpty {
            var gateway = initial
            for (index, phase) in scenario.phases.enumerated() {
                let environment = phaseEnvironment(phase)
                if environment != gateway.environment {
                    gateway = GatewayStart(config: config, environment: environment, workingDirectory: workingDirectory)
                }
                let phaseRun = PhaseRun(
                    scenario: scenario, phase: phase, gateway: gateway, upstreams: upstreams,
                    seed: seed &+ UInt64(index) &* 0x9E37_79B9, options: options
                )
                report.phases.append(runPhase(phaseRun))
            }
        }
        report.wallSeconds = Date().timeIntervalSince(began)
        return report
    }

    /// Errors that make the scenario unrunnable: the config does not load or is invalid regardless of the environment.
    private func configErrors(_ initial: GatewayStart) -> [String] {
        initial.failures.filter { !Self.startupCodes.contains($0.code) }.map {
            "\($0.description)\n  (config `\(scenario.configPattern.value)` named at \(scenario.configPattern.location))"
        }
    }

    func phaseEnvironment(_ phase: Phase) -> [String: String] {
        var environment = scenario.environment.merging(phase.environment) { _, new in new }
        for name in phase.unset { environment[name.value] = nil }
        return environment
    }
}
