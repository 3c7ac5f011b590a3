import AsyncHTTPClient
import Foundation
import Logging
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// The live gateway: one `Engine` built at startup, the HTTP transport and system clock it runs requests
/// with, and the shared upstream `HTTPClient`. Every routing decision is the engine's.
public final class Gateway: Sendable {
    let engine: Engine
    let transport: HTTPTransport
    let clock = SystemClock()
    let client: HTTPClient
    let logger: Logger
    let metrics = GatewayMetrics()

    /// Starts the engine over `plan` with `environment`'s credentials. Run `GatewayStartupCheck` first.
    public init(plan: RoutingPlan, environment: Environment, logger: Logger) {
        engine = Engine(plan: plan, environment: environment)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        configuration.decompression = .enabled(limit: .ratio(50))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        transport = HTTPTransport(client: client, environment: environment, outboundTimeoutMs: plan.globalTimeoutMs)
        self.logger = logger
    }

    /// The plan being served.
    public var plan: RoutingPlan { engine.plan }

    /// Runs one request through the engine, logs it (locations only, never a secret) and counts it.
    func serve(_ parsed: ParsedInference, endpoint: String) async -> InferenceResult {
        let labels = RequestLabels(parsed.request.target, plan: plan)
        let metered = MeteredTransport(base: transport, metrics: metrics, clock: clock, function: labels.function)
        let result = await engine.run(parsed.request, transport: metered, clock: clock, jitterSeed: UInt64.random(in: .min ... .max))
        RequestLog.record(result, request: parsed.request, endpoint: endpoint, logger: logger)
        metrics.recordRequest(result, labels: labels, endpoint: endpoint)
        return result
    }

    /// Closes the upstream connection pool.
    public func shutdown() async throws {
        try await client.shutdown()
    }
}
