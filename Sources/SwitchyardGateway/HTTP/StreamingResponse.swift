import Foundation
import Hummingbird
import SwitchyardEngine

/// Relays a committed upstream stream to the client as Server-Sent Events: each chunk with content in the
/// endpoint's format, errors after the start as error events (a broken connection or a passed deadline also
/// ends the stream), then a closing chunk with usage and finish reason, then `data: [DONE]`.
struct StreamingResponse<Format: StreamEventFormat> {
    let stream: UpstreamStream
    /// The engine's bound on the rest of the stream (`streaming.total_ms`), if any.
    let deadline: StreamDeadline?
    /// What the engine's result counted (the first chunk, plus any earlier model calls' usage).
    let counted: ProviderResponse?
    var format: Format
    let clock: SystemClock

    /// The `200 text/event-stream` response.
    func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                var relay = self
                defer { relay.stream.cancel() }
                try await relay.relay(to: &writer)
            }
        )
    }

    private mutating func relay(to writer: inout any ResponseBodyWriter) async throws {
        let limit = min(deadline?.at ?? .max, stream.outboundDeadline)
        stream.watch(until: limit, clock: clock)
        var summary = StreamSummary()
        if let first = stream.first {
            summary.add(first)
            if let event = format.content(first) { try await Self.send(event, to: &writer) }
        }
        let type = stream.providerType
        relaying: for await event in stream.events {
            switch event {
            case .chunk(let chunk):
                summary.add(chunk)
                if let event = format.content(chunk) { try await Self.send(event, to: &writer) }
            case .malformed(let message):
                try await Self.send(format.error("Error from \(type) server: \(message)"), to: &writer)
            case .upstreamError(let status, let body):
                let message = InferenceError.providerStatus(providerType: type, status: status, body: body).message
                try await Self.send(format.error(message), to: &writer)
            case .broken(let detail):
                try await Self.send(format.error("Error from \(type) server: Error in streaming response: \(detail)"), to: &writer)
                break relaying
            case .timedOut:
                try await Self.send(format.error(timeoutMessage(limit: limit)), to: &writer)
                break relaying
            case .end:
                break relaying
            }
        }
        summary.addEarlierCalls(counted: counted, first: stream.first)
        try await Self.send(format.final(summary), to: &writer)
        try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
        try await writer.finish(nil)
    }

    /// The configured timeout's error, or the gateway's outbound timeout when that came first.
    private func timeoutMessage(limit: Nanoseconds) -> String {
        if let deadline, deadline.at <= limit { return deadline.error.message }
        return "Error from \(stream.providerType) server: Error in streaming response: the stream did not finish before the gateway's outbound timeout"
    }

    private static func send(_ event: [String: Any], to writer: inout any ResponseBodyWriter) async throws {
        let data = (try? JSONBytes.encode(event)) ?? Array("{}".utf8)
        var buffer = ByteBuffer(string: "data: ")
        buffer.writeBytes(data)
        buffer.writeString("\n\n")
        try await writer.write(buffer)
    }
}
