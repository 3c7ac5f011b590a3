/// How a phase ended, as every renderer counts it.
///
/// A phase that could not run is an `error` even when some of its checks also failed; otherwise it
/// `failed` when any expectation was not met, and `passed` when all were.
public enum PhaseOutcome: String, Sendable, Hashable {
    case passed
    case failed
    case error
}

extension PhaseReport {
    /// How the phase ended (see ``PhaseOutcome``).
    public var outcome: PhaseOutcome {
        if error != nil { return .error }
        return failedChecks.isEmpty ? .passed : .failed
    }

    /// The expectations that held.
    public var passedChecks: [ExpectationCheck] { checks.filter(\.passed) }
}

extension ScenarioReport {
    /// Whether problems kept the scenario from running (its `errors` are not empty).
    public var couldNotRun: Bool { !errors.isEmpty }
}

/// Counts over a report, the same in every renderer: each phase is one test, and a scenario that
/// could not run adds one more test that counts as an error.
public struct ReportTally: Sendable, Hashable {
    /// Scenario files.
    public var scenarios = 0
    /// Phases across all scenarios.
    public var phases = 0
    /// Phases whose expectations all held.
    public var passed = 0
    /// Phases with at least one unmet expectation.
    public var failed = 0
    /// Phases that could not run, plus scenarios that could not run.
    public var errors = 0
    /// Wall-clock seconds across all scenarios.
    public var wallSeconds = 0.0

    /// Tests as JUnit counts them: `passed + failed + errors`.
    public var tests: Int { passed + failed + errors }

    /// The tally of one scenario.
    public init(_ scenario: ScenarioReport) {
        scenarios = 1
        phases = scenario.phases.count
        wallSeconds = scenario.wallSeconds.isFinite ? max(0, scenario.wallSeconds) : 0
        if scenario.couldNotRun { errors += 1 }
        for phase in scenario.phases {
            switch phase.outcome {
            case .passed: passed += 1
            case .failed: failed += 1
            case .error: errors += 1
            }
        }
    }

    /// The tally of a whole report.
    public init(_ report: SimulationReport) {
        for scenario in report.scenarios {
            let one = ReportTally(scenario)
            scenarios += one.scenarios
            phases += one.phases
            passed += one.passed
            failed += one.failed
            errors += one.errors
            wallSeconds += one.wallSeconds
        }
    }
}
