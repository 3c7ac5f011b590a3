import AsyncHTTPClient
import Atomics
import Foundation
import Logging
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// The live gateway: the plan being served (an `Engine` and the HTTP transport it runs requests with), the
/// system clock, the shared upstream `HTTPClient` and, when tokens are required, the accepted tokens. Every
/// routing decision is the engine's. `replacePlan` swaps in a new plan for the requests that start after it.
public final class Gateway: Sendable {
    private let served: ManagedAtomic<ServedPlan>
    let clock = SystemClock()
    let client: HTTPClient
    let logger: Logger
    let metrics = GatewayMetrics()
    /// The bearer tokens every route but `/health` and `/status` requires; `nil` serves without authentication.
    let accessTokens: AccessTokens?

    /// Starts the engine over `plan` with `environment`'s credentials, requiring one of `accessTokens` when
    /// given. Run `GatewayStartupCheck` first.
    public init(plan: RoutingPlan, environment: Environment, logger: Logger, accessTokens: AccessTokens? = nil) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        configuration.decompression = .enabled(limit: .ratio(50))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        served = ManagedAtomic(ServedPlan(plan: plan, environment: environment, client: client))
        self.logger = logger
        self.accessTokens = accessTokens
    }

    /// The plan new requests are served by: one lock-free atomic load.
    var current: ServedPlan { served.load(ordering: .acquiring) }

    /// The plan being served.
    public var plan: RoutingPlan { current.plan }

    /// Serves `plan` with `environment`'s credentials from the next request on; requests already running
    /// finish on the plan they started with. Run `GatewayStartupCheck` first.
    public func replacePlan(_ plan: RoutingPlan, environment: Environment) {
        served.store(ServedPlan(plan: plan, environment: environment, client: client), ordering: .releasing)
    }

    /// Runs one request through `served`'s engine, logs it (locations only, never a secret) and counts it.
    func serve(_ parsed: ParsedInference, endpoint: String, on served: ServedPlan) async -> InferenceResult {
        let labels = RequestLabels(parsed.request.target, plan: served.plan)
        let metered = MeteredTransport(base: served.transport, metrics: metrics, clock: clock, function: labels.function)
        let result = await served.engine.run(parsed.request, transport: metered, clock: clock, jitterSeed: UInt64.random(in: .min ... .max))
        RequestLog.record(result, request: parsed.request, endpoint: endpoint, logger: logger)
        metrics.recordRequest(result, labels: labels, endpoint: endpoint)
        return result
    }

    /// Closes the upstream connection pool.
    public func shutdown() async throws {
        try await client.shutdown()
    }
}
