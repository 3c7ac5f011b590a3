/// One request in flight: a state machine over variant choice, retries and the routing loop.
///
/// Call `next(at:)` for the first action; after an `.attempt`, report its outcome with `complete(_:at:)`;
/// after a `.sleep`, call `resume(at:)`; after `.candidates`, run each execution to its end and report their
/// results with `candidatesFinished(_:at:)`. Each returns the following action. `cancel(at:)` ends the request
/// wherever it is, when its caller has gone away. It is a reference so that a driver steps it in place however
/// many requests it holds; one driver steps it at a time.
///
/// A streaming attempt succeeds when its first chunk arrives: the request is then committed to that provider,
/// and the result carries the `streaming.total_ms` deadline the rest of the stream must meet.
/// It is `Sendable` so that a driver can hand a best-of-N variant's candidates to concurrent tasks: each
/// execution still has one driver at a time.
public final class RequestExecution: @unchecked Sendable {
    private var state: ExecutionState

    /// `outerDeadline` bounds a candidate by the deadline of the best-of-N / mixture-of-N variant running it.
    init(
        core: EngineCore, request: consuming InferenceRequest, now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool,
        outerDeadline: Deadline? = nil
    ) {
        state = ExecutionState(
            core: core, request: request, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace, outerDeadline: outerDeadline
        )
    }

    /// Starts `prepared` with `episode`.
    init(core: EngineCore, prepared: PreparedRequest, episode: EpisodeID, now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool) {
        var request = prepared.request
        request.episodeID = episode
        state = ExecutionState(
            core: core, request: request, target: prepared.target, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace,
            outerDeadline: nil
        )
    }

    /// Starts over with `prepared` and `episode`, as a fresh execution would.
    func restart(_ prepared: PreparedRequest, episode: EpisodeID, now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool) {
        state.restart(prepared, episode: episode, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
    }

    public func next(at now: Nanoseconds) -> EngineAction {
        state.next(at: now)
    }

    /// Reports the outcome of the pending attempt at time `now`.
    public func complete(_ outcome: consuming AttemptOutcome, at now: Nanoseconds) -> EngineAction {
        state.complete(outcome, at: now)
    }

    /// Ends the request at `now` because its caller stopped waiting: no further attempt, retry or fallback.
    /// A finished request keeps its result.
    public func cancel(at now: Nanoseconds) -> EngineAction {
        state.cancel(at: now)
    }

    /// Reports, at time `now`, the results of the executions a `.candidates` action handed out, in its order.
    public func candidatesFinished(_ results: [InferenceResult], at now: Nanoseconds) -> EngineAction {
        state.candidatesFinished(results, at: now)
    }

    /// Continues after a `.sleep`.
    public func resume(at now: Nanoseconds) -> EngineAction {
        state.resume(at: now)
    }
}
