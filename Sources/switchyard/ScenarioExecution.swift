import Foundation
import SwitchyardConfig
import SwitchyardReports
import SwitchyardSimulator

/// Parses and runs one scenario file for `simulate`, with progress on standard error.
struct ScenarioExecution {
    let file: String
    let configOverride: String?
    let seed: UInt64?
    let trace: TraceSink?
    /// Runs against the real gateway when set.
    let live: LiveOptions?
    let coverage: CoverageRecorder?

    func run() -> ScenarioReport {
        let (parsed, diagnostics) = ScenarioParser.parse(file: file)
        guard var scenario = parsed, !diagnostics.hasErrors else {
            return ScenarioReport(
                file: file, name: (file as NSString).lastPathComponent, config: configOverride ?? "", seed: seed ?? 0,
                timestamp: Date(), wallSeconds: 0, phases: [], errors: diagnostics.filter { $0.severity == .error }.map(\.description)
            )
        }
        if let configOverride {
            scenario.configPattern = Located(configOverride, at: SourceLocation(file: "--config", line: 1, column: 1))
        }
        trace?.begin(scenario: file)
        let progress: (String, Int, Int) -> Void = { phase, done, total in
            FileHandle.standardError.write(Data("  \(file): \(phase): \(done)/\(total) requests\n".utf8))
        }
        let options = ScenarioRunner.Options(seed: seed, trace: trace, progress: progress, coverage: coverage)
        if let live {
            return LiveScenarioRunner(scenario: scenario, options: options, live: live).run()
        }
        return ScenarioRunner(scenario: scenario, options: options).run()
    }
}
