import NIOCore
import NIOHTTP1
import NIOPosix

/// The live mock upstreams' HTTP/1.1 server on an ephemeral loopback port: it reads each request, asks
/// `LiveMockUpstreams` how to answer, waits the (scaled) latency, then answers (a stream's events written one by
/// one, chunked), closes the connection without an answer (`reset`), or never answers (`timeout`).
struct LiveMockServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    private let listener: NIOAsyncChannel<Connection, Never>
    /// The port it listens on.
    let port: Int

    /// Listens on `127.0.0.1` at a free port.
    static func bind() async throws -> LiveMockServer {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        return LiveMockServer(listener: listener, port: listener.channel.localAddress?.port ?? 0)
    }

    /// Serves `upstreams` until `close()` or until the calling task is cancelled.
    func serve(_ upstreams: LiveMockUpstreams) async throws {
        try await listener.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in connections {
                    // A failed connection (the gateway gave up on it) ends that connection only.
                    group.addTask { try? await Self.handle(connection, upstreams) }
                }
            }
        }
    }

    /// Stops accepting connections.
    func close() {
        listener.channel.close(promise: nil)
    }

    private static func handle(_ connection: Connection, _ upstreams: LiveMockUpstreams) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let head else { return }
                    let answer = upstreams.answer(path: head.uri, headers: head.headers, body: body)
                    if answer.delay > 0 { try await Task.sleep(nanoseconds: UInt64(answer.delay)) }
                    switch answer.reply {
                    case .drop:
                        return
                    case .hang:
                        try await Task.sleep(for: .seconds(86_400))
                        return
                    case .respond(let status, let bytes):
                        let headers = HTTPHeaders([("content-type", "application/json"), ("content-length", String(bytes.count))])
                        try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes))))
                        try await outbound.write(.end(nil))
                    case .stream(let events):
                        let headers = HTTPHeaders([("content-type", "text/event-stream"), ("cache-control", "no-cache")])
                        try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers)))
                        for event in events { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: event)))) }
                        try await outbound.write(.end(nil))
                    }
                }
            }
        }
    }
}
