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
    /// instead of running its remaining attempts, retries and backoff. A best-of-N / mixture-of-N variant's
    /// candidates run concurrently, each in a child task.
    public func run(_ request: InferenceRequest, transport: some ProviderTransport, clock: some EngineClock, jitterSeed: UInt64) async -> InferenceResult {
        let send: @Sendable (ProviderAttempt) async -> AttemptOutcome = { await transport.send($0) }
        return await drive(start(request, at: clock.now, jitterSeed: jitterSeed), clock: clock, candidateSend: send, send: send)
    }

    /// Steps one execution, sending each attempt with `send` (candidates' attempts with `candidateSend`), until it
    /// finishes or the task is cancelled.
    func drive(
        _ execution: RequestExecution, clock: some EngineClock, candidateSend: @escaping @Sendable (ProviderAttempt) async -> AttemptOutcome,
        send: (ProviderAttempt) async -> AttemptOutcome
    ) async -> InferenceResult {
        var action = execution.next(at: clock.now)
        while true {
            if Task.isCancelled { action = execution.cancel(at: clock.now) }
            switch action {
            case .finished(let result):
                return result
            case .attempt(let attempt):
                let outcome = await send(attempt)
                action = execution.complete(outcome, at: clock.now)
            case .candidates(let candidates):
                let results = await runCandidates(candidates, clock: clock, send: candidateSend)
                action = execution.candidatesFinished(results, at: clock.now)
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

    /// Drives each candidate in a child task, all at once, and returns their results in the candidates' order.
    private func runCandidates(
        _ candidates: [RequestExecution], clock: some EngineClock, send: @escaping @Sendable (ProviderAttempt) async -> AttemptOutcome
    ) async -> [InferenceResult] {
        await withTaskGroup(of: (Int, InferenceResult).self) { group in
            for (index, candidate) in candidates.enumerated() {
                group.addTask { (index, await drive(candidate, clock: clock, candidateSend: send, send: send)) }
            }
            var results: [InferenceResult?] = Array(repeating: nil, count: candidates.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }
}
