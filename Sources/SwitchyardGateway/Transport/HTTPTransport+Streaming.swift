import AsyncHTTPClient
import NIOCore
import SwitchyardEngine

extension HTTPTransport: StreamingProviderTransport {
    /// Sends a streaming attempt and waits for its first chunk under the attempt's deadline (the earliest of
    /// each level's `streaming.ttft_ms` / `streaming.total_ms`, else the gateway's outbound timeout). A failure
    /// before that chunk is an ordinary attempt outcome the engine routes on.
    public func open(_ attempt: ProviderAttempt) async -> StreamOpening<UpstreamStream> {
        var request: HTTPClientRequest
        let adapter: any WireAdapter
        switch await prepareAuthorized(attempt) {
        case .success(let prepared): (request, adapter) = prepared
        case .failure(let failure): return .failed(failure.outcome.redacting(SecretRedaction(attempt: attempt, headers: [:])))
        }
        let redaction = SecretRedaction(attempt: attempt, headers: request.headers)
        let type = attempt.provider.type.rawValue
        guard let streaming = adapter as? any StreamingWireAdapter else {
            return .failed(.status(501, body: "streaming from provider type `\(type)` is not served by this gateway build"))
        }
        request.headers.replaceOrAdd(name: "accept", value: "text/event-stream")
        let start = clock.now
        if let deadline = attempt.deadline, deadline <= start { return .failed(.timedOut) }
        let outboundDeadline = start + outboundTimeout
        let firstDeadline = min(attempt.deadline ?? outboundDeadline, outboundDeadline)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: SystemClock.nioDeadline(firstDeadline))
        } catch {
            return .failed(clock.now >= firstDeadline ? .timedOut : .connectionReset)
        }
        guard (200..<300).contains(response.status.code) else {
            return .failed(await errorStatus(response, deadline: firstDeadline).redacting(redaction))
        }
        let stream = UpstreamStream(
            body: response.body, decoder: streaming.streamDecoder(for: attempt), providerType: type, outboundDeadline: outboundDeadline,
            redaction: redaction
        )
        let first = await stream.awaitFirstEvent(deadline: firstDeadline, clock: clock)
        let failure: AttemptOutcome
        switch first {
        case .chunk(let chunk):
            stream.stopWatching()
            return .started(stream, first: chunk.response)
        case .malformed(let message): failure = .unparseableResponse(message)
        case .upstreamError(let status, let body): failure = .status(status, body: body)
        case .broken: failure = .connectionReset
        case .timedOut: failure = .timedOut
        case .end: failure = .unparseableResponse("the stream ended before its first chunk")
        }
        stream.cancel()
        return .failed(failure)
    }

    /// A non-2xx streaming answer: its status and (bounded) body.
    private func errorStatus(_ response: HTTPClientResponse, deadline: Nanoseconds) async -> AttemptOutcome {
        let status = Int(response.status.code)
        guard let body = try? await response.body.collect(upTo: Self.maxResponseBytes, before: deadline, clock: clock) else {
            return clock.now >= deadline ? .timedOut : .status(status, body: "")
        }
        return .status(status, body: String(decoding: body.readableBytesView, as: UTF8.self))
    }
}
