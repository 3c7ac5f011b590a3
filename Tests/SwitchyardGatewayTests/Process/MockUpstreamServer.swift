import Hummingbird
import Logging

/// Runs `MockUpstream` on a free loopback port for `body`, for gateways started as child processes.
enum MockUpstreamServer {
    static func run(_ body: @Sendable (_ port: Int, _ recorder: UpstreamRecorder) async throws -> Void) async throws {
        let recorder = UpstreamRecorder()
        let (ports, ready) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "switchyard.upstream.test")
        quiet.logLevel = .critical
        let upstream = Application(
            router: MockUpstream.router(recorder: recorder),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { ready.yield($0.localAddress?.port ?? 0) },
            logger: quiet
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await upstream.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            do {
                try await body(port, recorder)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}
