import Foundation
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// A loopback upstream on raw SwiftNIO that answers every request on its port in one chosen way, including
/// ways no HTTP server library produces (bytes that are not HTTP, a connection reset mid-body). It counts the
/// connections it accepted, the ones still open and the requests it read.
final class FaultUpstream: Sendable {
    /// How the upstream answers each request.
    enum Behaviour: Sendable, Equatable {
        /// 200 with an OpenAI chat completion saying "hello from MODEL" (a stream when the request asks for one);
        /// the connection stays open for the next request.
        case answer
        /// Reads the request and never answers.
        case hang
        /// Sends the response head and half the body, then nothing more.
        case stallMidBody
        /// Sends the response head and half the body, then resets the connection.
        case resetMidBody
        /// Sends bytes that are not HTTP, then closes.
        case garbageBytes
        /// 200 with a body that is not JSON.
        case notJSON
        /// 200 with a stream of two chunks ("hello from ", MODEL), then resets the connection (no end marker).
        case brokenStream
        /// Closes each connection as soon as it is accepted.
        case closeImmediately
        /// An error status, with `Retry-After` when given.
        case status(Int, retryAfter: String?)
    }

    let port: Int
    private let channel: any Channel
    private let counters: Counters

    private init(port: Int, channel: any Channel, counters: Counters) {
        self.port = port
        self.channel = channel
        self.counters = counters
    }

    /// Starts an upstream on an ephemeral loopback port.
    static func start(_ behaviour: Behaviour) async throws -> FaultUpstream {
        let counters = Counters()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FaultHandler(behaviour: behaviour, counters: counters))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FaultUpstream(port: channel.localAddress?.port ?? 0, channel: channel, counters: counters)
    }

    /// Connections accepted so far.
    var accepted: Int { counters.read { $0.accepted } }
    /// Connections still open.
    var open: Int { counters.read { $0.open } }
    /// The most connections that were open at once.
    var peakOpen: Int { counters.read { $0.peakOpen } }
    /// Requests read so far.
    var requests: Int { counters.read { $0.requests } }

    /// Stops listening and closes every connection it still holds.
    func stop() async {
        try? await channel.close()
        for connection in counters.read({ $0.connections.values }) { try? await connection.close() }
    }

    /// The upstream's counts, shared by its connections' handlers.
    final class Counters: @unchecked Sendable {
        struct Values {
            var accepted = 0
            var open = 0
            var peakOpen = 0
            var requests = 0
            var connections: [ObjectIdentifier: any Channel] = [:]
        }

        private let lock = NSLock()
        private var values = Values()

        func read<T>(_ body: (Values) -> T) -> T { lock.withLock { body(values) } }
        func update(_ body: (inout Values) -> Void) { lock.withLock { body(&values) } }
    }
}

/// One connection of a `FaultUpstream`: reads HTTP/1.1 requests (head and `content-length` body) off the raw
/// bytes and answers each as the upstream's behaviour says.
private final class FaultHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: FaultUpstream.Behaviour
    private let counters: FaultUpstream.Counters
    private var pending: [UInt8] = []

    init(behaviour: FaultUpstream.Behaviour, counters: FaultUpstream.Counters) {
        self.behaviour = behaviour
        self.counters = counters
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        counters.update {
            $0.accepted += 1
            $0.open += 1
            $0.peakOpen = max($0.peakOpen, $0.open)
            $0.connections[ObjectIdentifier(channel)] = channel
        }
        if behaviour == .closeImmediately { context.close(promise: nil) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let id = ObjectIdentifier(context.channel)
        counters.update {
            $0.open -= 1
            $0.connections[id] = nil
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending += Array(buffer: unwrapInboundIn(data))
        while let request = nextRequest() {
            counters.update { $0.requests += 1 }
            answer(request, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// The JSON body of the next complete request in `pending`, removed from it.
    private func nextRequest() -> [String: Any]? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = pending.indices.dropLast(3).first(where: { Array(pending[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: pending[..<headEnd], as: UTF8.self).lowercased()
        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let bodyStart = headEnd + 4
        guard pending.count >= bodyStart + length else { return nil }
        let body = Data(pending[bodyStart..<bodyStart + length])
        pending.removeFirst(bodyStart + length)
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    private func answer(_ request: [String: Any], context: ChannelHandlerContext) {
        let model = request["model"] as? String ?? "?"
        let completion = #"{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hello from \#(model)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"#
        switch behaviour {
        case .answer where request["stream"] as? Bool == true:
            let events = ["hello ", "from ", model].map { #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\#($0)"},"finish_reason":null}]}"# }
                + [#"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#, "[DONE]"]
            write(response(200, contentType: "text/event-stream", body: events.map { "data: \($0)\n\n" }.joined()), context)
        case .answer:
            write(response(200, body: completion), context)
        case .hang, .closeImmediately:
            break
        case .stallMidBody:
            write(response(200, body: completion, cutAtHalf: true), context)
        case .resetMidBody:
            write(response(200, body: completion, cutAtHalf: true), context)
            reset(context)
        case .garbageBytes:
            write("\u{1}\u{2}SSH-2.0-not-http \u{7f}\u{0}\r\n\r\nnothing to see\r\n", context)
            context.close(promise: nil)
        case .notJSON:
            write(response(200, body: "<html><body>502 Bad Gateway</body></html>"), context)
        case .brokenStream:
            let chunk = { (text: String) in
                let event = #"data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\#(text)"},"finish_reason":null}]}"# + "\n\n"
                return String(event.utf8.count, radix: 16) + "\r\n" + event + "\r\n"
            }
            write("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n" + chunk("hello from ") + chunk(model), context)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(50)) { self.reset(loopBound.value) }
        case .status(let status, let retryAfter):
            let extra = retryAfter.map { "retry-after: \($0)\r\n" } ?? ""
            write(response(status, body: #"{"error":{"message":"upstream says \#(status)","type":"fault"}}"#, extraHeaders: extra), context)
        }
    }

    private func response(_ status: Int, contentType: String = "application/json", body: String, extraHeaders: String = "", cutAtHalf: Bool = false) -> String {
        let sent = cutAtHalf ? String(body.prefix(body.count / 2)) : body
        return "HTTP/1.1 \(status) Fault\r\ncontent-type: \(contentType)\r\ncontent-length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(sent)"
    }

    private func write(_ text: String, _ context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }

    /// Closes with a TCP reset (SO_LINGER 0) instead of an orderly shutdown.
    private func reset(_ context: ChannelHandlerContext) {
        guard let provider = context.channel as? any SocketOptionProvider else {
            context.close(promise: nil)
            return
        }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in loopBound.value.close(promise: nil) }
    }
}
