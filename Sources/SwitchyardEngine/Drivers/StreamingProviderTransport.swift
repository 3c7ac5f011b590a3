/// Opens one attempt of a streaming request. The attempt succeeds when the upstream's first chunk arrives; a
/// failure before that (connection error, error status, a first chunk that is an error or cannot be read,
/// a deadline) is an ordinary attempt failure the engine routes on.
public protocol StreamingProviderTransport: Sendable {
    /// The upstream stream handed to the caller once the request is committed to it.
    associatedtype Stream: Sendable

    func open(_ attempt: ProviderAttempt) async -> StreamOpening<Stream>
}

/// How opening a stream went.
public enum StreamOpening<Stream: Sendable>: Sendable {
    /// The first chunk arrived: `first` is what it said, `stream` the rest.
    case started(Stream, first: ProviderResponse)
    /// The attempt failed before its first chunk (never `.success`).
    case failed(AttemptOutcome)
}

/// A streaming request's end: the engine's result and, when it succeeded, the stream it committed to.
public struct StreamingRun<Stream: Sendable>: Sendable {
    public var result: InferenceResult
    /// The committed upstream stream; `nil` when the request failed before any first chunk.
    public var stream: Stream?
}

extension Engine {
    /// Serves a streaming `request` until one attempt's first chunk arrives (or the request fails): every
    /// routing, retry, fallback and timeout decision before that point is the engine's, exactly as in `run`.
    /// Once committed, the caller relays the rest of the stream and enforces `result.streamDeadline`. Attempts
    /// that do not stream (a best-of-N variant's candidates and evaluator, a mixture-of-N variant's candidates)
    /// go through `transport.send`; a success that committed to no stream carries its whole answer in
    /// `result.response`.
    public func runStreaming<Transport: StreamingProviderTransport & ProviderTransport>(
        _ request: InferenceRequest, transport: Transport, clock: some EngineClock, jitterSeed: UInt64
    ) async -> StreamingRun<Transport.Stream> {
        var committed: Transport.Stream?
        let plainSend: @Sendable (ProviderAttempt) async -> AttemptOutcome = { await transport.send($0) }
        let result = await drive(start(request, at: clock.now, jitterSeed: jitterSeed), clock: clock, candidateSend: plainSend) { attempt in
            guard attempt.stream else { return await transport.send(attempt) }
            switch await transport.open(attempt) {
            case .started(let stream, let first):
                committed = stream
                return .success(first)
            case .failed(let outcome):
                return outcome
            }
        }
        return StreamingRun(result: result, stream: result.status == 200 ? committed : nil)
    }
}
