/// Sends one attempt to an upstream. The gateway's HTTP transport and test doubles implement it; the
/// transport enforces `attempt.deadline` and answers `.timedOut` when it passes.
public protocol ProviderTransport: Sendable {
    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome
}

/// The engine's view of time.
public protocol EngineClock: Sendable {
    /// The current time in nanoseconds.
    var now: Nanoseconds { get }
    /// Suspends until `deadline`.
    func sleep(until deadline: Nanoseconds) async throws
}

extension Engine {
    /// Serves `request` to completion against a real transport and clock (the gateway's driver).
    public func run(_ request: InferenceRequest, transport: some ProviderTransport, clock: some EngineClock, jitterSeed: UInt64) async -> InferenceResult {
        let execution = start(request, at: clock.now, jitterSeed: jitterSeed)
        var action = execution.next(at: clock.now)
        while true {
            switch action {
            case .finished(let result):
                return result
            case .attempt(let attempt):
                let outcome = await transport.send(attempt)
                action = execution.complete(outcome, at: clock.now)
            case .sleep(let until):
                try? await clock.sleep(until: until)
                action = execution.resume(at: clock.now)
            }
        }
    }
}
