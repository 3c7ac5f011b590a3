import SwitchyardEngine

/// Wraps the gateway's transport for one request and records every attempt it sends in `GatewayMetrics`.
struct MeteredTransport<Base: ProviderTransport>: ProviderTransport {
    let base: Base
    let metrics: GatewayMetrics
    let clock: SystemClock
    /// The request's function label.
    let function: String

    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome {
        let start = clock.now
        let outcome = await base.send(attempt)
        metrics.recordAttempt(attempt, outcome: outcome, duration: clock.now - start, function: function)
        return outcome
    }
}
