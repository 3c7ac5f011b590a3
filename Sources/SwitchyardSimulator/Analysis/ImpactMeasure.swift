import SwitchyardReports

/// Compares a function's run under a failure with its healthy run.
enum ImpactMeasure {
    static func effect(of function: String, healthy: FunctionTally, failing: FunctionTally) -> FunctionEffect {
        let lost = max(0, healthy.successes - failing.successes)
        let rerouted = max(0, failing.rerouted - healthy.rerouted)
        let extra = failing.requests > 0 ? Double(failing.attempts - healthy.attempts) / Double(failing.requests) : 0
        let outcome: FunctionEffect.Outcome
        if healthy.successes > 0, failing.successes == 0 {
            outcome = .losesAll
        } else if lost > 0 {
            outcome = .losesSome
        } else if rerouted > 0 || extra > 0 {
            outcome = .reroutes
        } else {
            outcome = .unaffected
        }
        return FunctionEffect(
            function: function, outcome: outcome, requests: failing.requests, lost: lost, rerouted: rerouted,
            extraAttemptsPerRequest: max(0, extra)
        )
    }
}
