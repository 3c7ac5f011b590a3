import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan
import SwitchyardReports

/// `switchyard analyze`: for every credential location, provider and model, what breaks when it fails.
///
/// The config is compiled with a stand-in value for every credential variable (see `StandInEnvironment`),
/// then the plan runs in the simulator once healthy and once per failure, each run sending the same
/// requests (same seed, same episodes) to every function. Findings come from comparing those runs.
public struct OutageAnalysis {
    /// How much traffic each run sends.
    public struct Options: Sendable {
        public var requestsPerFunction: Int
        public var seed: UInt64

        public init(requestsPerFunction: Int = 1000, seed: UInt64 = 1) {
            self.requestsPerFunction = requestsPerFunction
            self.seed = seed
        }
    }

    /// The analysis, or the compilation that stopped it.
    public enum Outcome: Sendable {
        case analysed(AnalysisReport)
        case invalid(Compiler.Compilation)
    }

    /// Analyses the config at `pattern`; `overrides` (an `--env-file`) replaces stand-in variables.
    public static func run(configAt pattern: String, overrides: Environment = Environment(), options: Options = Options()) -> Outcome {
        let (compilation, environment, workingDirectory) = StandInEnvironment.compile(configAt: pattern, overrides: overrides)
        guard let plan = compilation.plan else { return .invalid(compilation) }
        let functions = plan.functions.keys.sorted()
        let run = OutageRun(
            engine: Engine(plan: plan, environment: environment, workingDirectory: workingDirectory), environment: environment,
            workingDirectory: workingDirectory, functions: functions, requestsPerFunction: options.requestsPerFunction, seed: options.seed
        )
        let healthy = run.run(nil)
        let runs = FailureDomain.all(in: plan).map { ($0, run.run($0)) }
        let failures = runs.map { failure, tallies in
            FailureImpact(kind: failure.kind, subject: failure.subject, effects: functions.map {
                ImpactMeasure.effect(of: $0, healthy: healthy[$0]!, failing: tallies[$0]!)
            })
        }
        let findings = OutageFindings(plan: plan, healthy: healthy, runs: runs).all()
        return .analysed(AnalysisReport(
            config: pattern, seed: options.seed, requestsPerFunction: options.requestsPerFunction, functions: functions,
            failures: failures, findings: findings
        ))
    }
}
