import Foundation
import SwitchyardConfig
import SwitchyardReports

/// Runs a scenario against the real gateway (`simulate --live`): each phase starts the gateway `serve` runs, in
/// this process, with the phase's environment, points its providers at loopback mock upstreams that follow the
/// `respond` scripts, and sends the phase's requests over HTTP with the episode ids, pins and credentials of
/// the simulated run. Reports, JUnit and traces have the simulated run's shape.
public struct LiveScenarioRunner {
    public let scenario: Scenario
    public let options: ScenarioRunner.Options
    public let live: LiveOptions

    public init(scenario: Scenario, options: ScenarioRunner.Options = .init(), live: LiveOptions = .init()) {
        self.scenario = scenario
        self.options = options
        self.live = live
    }

    /// Why the scenario cannot run live, one line each; empty when it can.
    public func obstacles() -> [String] {
        let config = ConfigLoader.load(scenario.configPattern.value)
        return obstacles(config, workingDirectory: config.config.files.first.map { ($0 as NSString).deletingLastPathComponent } ?? ".")
    }

    /// Runs every phase; blocks the calling thread, which must be outside Swift concurrency's thread pool.
    public func run() -> ScenarioReport {
        var report = ScenarioRunner(scenario: scenario, options: options).run(
            obstacles: { config, folder in obstacles(config, workingDirectory: folder).map { "--live cannot run this scenario: \($0)" } },
            phase: { LivePhaseRun(phaseRun: $0, options: live).run() }
        )
        report.name += " (live)"
        return report
    }

    /// Checked against the first environment of the scenario that the config compiles with.
    private func obstacles(_ config: ConfigLoader.Result, workingDirectory: String) -> [String] {
        let runner = ScenarioRunner(scenario: scenario, options: options)
        for environment in [scenario.environment] + scenario.phases.map(runner.phaseEnvironment) {
            let start = GatewayStart(config: config, environment: environment, workingDirectory: workingDirectory)
            if let plan = start.engine?.plan {
                return LiveReadiness.obstacles(plan: plan, environment: environment, scenario: scenario)
            }
        }
        return []
    }
}
