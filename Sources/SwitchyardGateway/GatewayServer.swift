import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// Serves a `Gateway` over HTTP/1.1 with Hummingbird 2.
public struct GatewayServer: Sendable {
    public var host: String
    public var port: Int
    /// How long a graceful shutdown waits for in-flight requests before cancelling them.
    public var shutdownGracePeriod: Duration
    /// Bounds on each request's body, headers, messages and JSON nesting.
    public var limits: RequestLimits

    public init(host: String = "127.0.0.1", port: Int = 3000, shutdownGracePeriod: Duration = .seconds(30), limits: RequestLimits = .standard) {
        self.host = host
        self.port = port
        self.shutdownGracePeriod = shutdownGracePeriod
        self.limits = limits
    }

    /// Serves until a signal in `shutdownSignals` (stop accepting, finish in-flight requests within the grace
    /// period) or until the calling task is cancelled; then closes the gateway's upstream pool.
    /// `onRunning` receives the bound port (useful with port 0).
    public func run(
        _ gateway: Gateway, shutdownSignals: [UnixSignal] = [.sigterm, .sigint], onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let logger = gateway.logger
        let app = Application(
            router: GatewayRoutes.router(for: gateway, limits: limits),
            server: .http1(configuration: limits.httpChannelConfiguration),
            configuration: .init(address: .hostname(host, port: port), serverName: "switchyard"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("switchyard gateway listening on \(channel.localAddress.map { "\($0)" } ?? "?")")
                await onRunning(port)
            },
            logger: logger
        )
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app)], gracefulShutdownSignals: shutdownSignals, cancellationSignals: [], logger: logger
        )
        configuration.maximumGracefulShutdownDuration = shutdownGracePeriod
        let group = ServiceGroup(configuration: configuration)
        do {
            try await group.run()
        } catch {
            try? await gateway.shutdown()
            throw error
        }
        try await gateway.shutdown()
    }
}
