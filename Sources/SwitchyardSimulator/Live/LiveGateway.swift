import Foundation
import Logging
import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan

/// The real gateway in this process: the `Gateway` and `GatewayServer` that `switchyard serve` runs, on an
/// ephemeral loopback port, for one phase. Its request log is quiet unless `LOG_LEVEL` asks for it.
enum LiveGateway {
    /// Serves `plan` with `environment` while `body` runs with the gateway's port, then shuts it down.
    static func serving<T: Sendable>(
        _ plan: RoutingPlan, environment: Environment, body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "switchyard.live")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        let gateway = Gateway(plan: plan, environment: environment, logger: logger)
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { listening.finish() }
                try await GatewayServer(host: "127.0.0.1", port: 0).run(gateway, shutdownSignals: []) { listening.yield($0) }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.next()
                throw LiveRunError(description: "the gateway stopped before it listened")
            }
            defer { group.cancelAll() }
            return try await body(port)
        }
    }
}
