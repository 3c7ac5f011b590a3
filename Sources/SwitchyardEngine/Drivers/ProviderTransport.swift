/// Sends one attempt to an upstream. The gateway's HTTP transport and test doubles implement it; the
/// transport enforces `attempt.deadline` and answers `.timedOut` when it passes.
public protocol ProviderTransport: Sendable {
    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome
}

/// The engine's view of time.
public protocol EngineClock: Sendable {
    /// The current time in nanoseconds.
    var now: Nanoseconds { get }
    /// Suspends until `deadline`; throws when the waiting task is cancelled.
    func sleep(until deadline: Nanoseconds) async throws
}

extension Engine {
    /// Serves `request` to completion against a real transport and clock (the gateway's driver). When the
    /// calling task is cancelled (the client went away) the request ends with `InferenceError.cancelled`
    /// instead of running its remaining attempts, retries and backoff.
    public func run(_ request: InferenceRequest, transport: some ProviderTransport, clock: some EngineClock, jitterSeed: UInt64) async -> InferenceResult {
        await drive(request, clock: clock, jitterSeed: jitterSeed) { await transport.send($0) }
    }

    /// Steps one execution, sending each attempt with `send`, until it finishes or the task is cancelled.
    func drive(
        _ request: InferenceRequest, clock: some EngineClock, jitterSeed: UInt64, send: (ProviderAttempt) async -> AttemptOutcome
    ) async -> InferenceResult {
        let execution = start(request, at: clock.now, jitterSeed: jitterSeed)
        var action = execution.next(at: clock.now)
        while true {
            if Task.isCancelled { action = execution.cancel(at: clock.now) }
            switch action {
            case .finished(let result):
                return result
            case .attempt(let attempt):
                let outcome = await send(attempt)
                action = execution.complete(outcome, at: clock.now)
            case .sleep(let until):
                do {
                    try await clock.sleep(until: until)
                    action = execution.resume(at: clock.now)
                } catch {
                    action = execution.cancel(at: clock.now)
                }
            }
        }
    }
}
