import AsyncHTTPClient
import Foundation
import NIOCore
import SwitchyardEngine

/// One upstream's response stream: a reader task decodes the body's Server-Sent Events into `events`, and a
/// watchdog ends them with `.timedOut` when the current deadline passes (first the attempt's deadline for
/// the first chunk, then whatever bounds the rest of the stream). Cancelling, or dropping the consumer,
/// stops both tasks and closes the upstream connection.
public final class UpstreamStream: @unchecked Sendable {
    /// What the upstream stream produced next.
    enum Event: Sendable, Equatable {
        case chunk(StreamChunk)
        /// An event that could not be read; the stream goes on.
        case malformed(String)
        /// An error the upstream reported inside the stream; the stream goes on.
        case upstreamError(status: Int, body: String)
        /// The connection failed mid-stream; nothing follows.
        case broken(String)
        /// The watched deadline passed; nothing follows.
        case timedOut
        /// The upstream finished.
        case end
    }

    let events: AsyncStream<Event>
    /// The provider type, for error messages.
    let providerType: String
    /// When the gateway's outbound timeout cuts the stream if nothing configured does earlier.
    let outboundDeadline: Nanoseconds
    private let continuation: AsyncStream<Event>.Continuation
    private let lock = NSLock()
    private var reader: Task<Void, Never>?
    private var watchdog: Task<Void, Never>?
    private var firstChunk: StreamChunk?

    /// `redaction` scrubs the attempt's credential values from the upstream's error and malformed events.
    init(
        body: HTTPClientResponse.Body, decoder: any StreamDecoder, providerType: String, outboundDeadline: Nanoseconds,
        redaction: SecretRedaction
    ) {
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        self.events = events
        self.continuation = continuation
        self.providerType = providerType
        self.outboundDeadline = outboundDeadline
        let task = Task { await Self.read(body, decoder: decoder, redaction: redaction, into: continuation) }
        lock.withLock { reader = task }
        continuation.onTermination = { [weak self] _ in self?.stopTasks() }
    }

    /// A stream that is already over: `response` as one chunk, then the end. TensorZero streams a best-of-N
    /// variant's chosen candidate (and a mixture-of-N variant's candidate when its fuser failed) this way,
    /// since candidates and evaluators never stream.
    init(complete response: ProviderResponse, providerType: String) {
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        self.events = events
        self.continuation = continuation
        self.providerType = providerType
        outboundDeadline = .max
        firstChunk = StreamChunk(
            text: response.text.isEmpty ? [] : [.init(id: "0", text: response.text)],
            toolCalls: response.toolCalls.map { .init(id: $0.id, name: $0.name, arguments: $0.arguments) },
            inputTokens: response.inputTokens, outputTokens: response.outputTokens, finishReason: response.finishReason
        )
        continuation.yield(.end)
        continuation.finish()
    }

    deinit {
        stopTasks()
    }

    /// Waits for the first event under `deadline` and keeps it when it is a chunk (`first`).
    func awaitFirstEvent(deadline: Nanoseconds, clock: SystemClock) async -> Event {
        watch(until: deadline, clock: clock)
        var iterator = events.makeAsyncIterator()
        let event = await iterator.next() ?? .end
        if case .chunk(let chunk) = event { lock.withLock { firstChunk = chunk } }
        return event
    }

    /// The first chunk, once `awaitFirstEvent` returned it.
    var first: StreamChunk? { lock.withLock { firstChunk } }

    /// Ends the stream with `.timedOut` at `deadline` (replacing any earlier watch).
    func watch(until deadline: Nanoseconds, clock: SystemClock) {
        let continuation = continuation
        let task = Task { [weak self] in
            do { try await clock.sleep(until: deadline) } catch { return }
            continuation.yield(.timedOut)
            continuation.finish()
            self?.stopTasks()
        }
        let previous = lock.withLock {
            defer { watchdog = task }
            return watchdog
        }
        previous?.cancel()
    }

    /// Drops the current watch: the stream runs on unbounded until `watch(until:clock:)` sets a new deadline.
    func stopWatching() {
        let watchdog = lock.withLock {
            defer { self.watchdog = nil }
            return self.watchdog
        }
        watchdog?.cancel()
    }

    /// Stops reading and closes the upstream connection.
    func cancel() {
        continuation.finish()
        stopTasks()
    }

    private func stopTasks() {
        let (reader, watchdog) = lock.withLock { (self.reader, self.watchdog) }
        reader?.cancel()
        watchdog?.cancel()
    }

    /// Reads the body to its end, decoding events; after the upstream's end marker the rest is drained unread
    /// so the connection can be reused.
    private static func read(
        _ body: HTTPClientResponse.Body, decoder: any StreamDecoder, redaction: SecretRedaction, into continuation: AsyncStream<Event>.Continuation
    ) async {
        var decoder = decoder
        var parser = ServerSentEventParser()
        var ended = false
        do {
            for try await buffer in body where !ended {
                for event in parser.feed(buffer.readableBytesView) where !ended {
                    switch decoder.decode(event) {
                    case .chunk(let chunk): continuation.yield(.chunk(chunk))
                    case .skip: continue
                    case .done: ended = true
                    case .malformed(let detail): continuation.yield(.malformed(redaction.apply(detail)))
                    case .upstreamError(let status, let body): continuation.yield(.upstreamError(status: status, body: redaction.apply(body)))
                    }
                }
                if ended { continuation.yield(.end) }
            }
            if !ended { continuation.yield(.end) }
        } catch {
            if !Task.isCancelled { continuation.yield(.broken("\(error)")) }
        }
        continuation.finish()
    }
}
