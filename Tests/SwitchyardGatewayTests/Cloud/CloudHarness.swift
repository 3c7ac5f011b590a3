import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan

/// Starts the cloud mock and a gateway serving `config(mockPort)` with `environment`, runs `body`, then stops
/// both. The plan's endpoints can be moved onto the mock with `preparePlan` (GCP has no `api_base`).
struct CloudHarness: Sendable {
    let gatewayPort: Int
    let mockPort: Int
    let state: CloudMockState
    let client: HTTPClient

    static func run(
        environment: @Sendable (Int) -> [String: String], config: @Sendable (Int) -> String, logger: Logger? = nil,
        preparePlan: @Sendable (RoutingPlan, Int) -> RoutingPlan = { plan, _ in plan },
        state: CloudMockState = CloudMockState(), _ body: @Sendable (CloudHarness) async throws -> Void
    ) async throws {
        let (mockPorts, mockReady) = AsyncStream.makeStream(of: Int.self)
        let (gatewayPorts, gatewayReady) = AsyncStream.makeStream(of: Int.self)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var quiet = Logger(label: "switchyard.cloud.test")
        quiet.logLevel = .critical
        try await withThrowingTaskGroup(of: Void.self) { group in
            let mock = Application(
                router: CloudMockUpstream.router(state: state), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { mockReady.yield($0.localAddress?.port ?? 0) }, logger: quiet
            )
            group.addTask { try await mock.runService(gracefulShutdownSignals: []) }
            var ports = mockPorts.makeAsyncIterator()
            let mockPort = await ports.next() ?? 0
            let gatewayEnvironment = SwitchyardConfig.Environment(environment(mockPort))
            let compilation = try GatewayHarness.compile(config(mockPort), environment: gatewayEnvironment)
            guard let plan = compilation.plan else {
                throw HarnessError(description: compilation.diagnostics.map(\.description).joined(separator: "\n"))
            }
            let check = GatewayStartupCheck(plan: plan, environment: gatewayEnvironment)
            guard check.canStart else { throw HarnessError(description: check.errors.joined(separator: "\n")) }
            let gateway = Gateway(plan: preparePlan(plan, mockPort), environment: gatewayEnvironment, logger: logger ?? quiet)
            group.addTask {
                try await GatewayServer(host: "127.0.0.1", port: 0).run(gateway, shutdownSignals: []) { gatewayReady.yield($0) }
            }
            var gatewayIterator = gatewayPorts.makeAsyncIterator()
            let gatewayPort = await gatewayIterator.next() ?? 0
            let harness = CloudHarness(gatewayPort: gatewayPort, mockPort: mockPort, state: state, client: client)
            do {
                try await body(harness)
            } catch {
                group.cancelAll()
                try? await client.shutdown()
                throw error
            }
            group.cancelAll()
        }
        try await client.shutdown()
    }

    /// POSTs an `/inference` request for `function` with dynamic `credentials`; the status and the body as text.
    func infer(_ function: String, credentials: [String: String] = [:]) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(gatewayPort)/inference")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        let json: [String: Any] = [
            "function_name": function, "input": ["messages": [["role": "user", "content": "hi"]]], "credentials": credentials,
        ]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }

    /// A `[functions.NAME]` calling `model` with one chat-completion variant.
    static func function(_ name: String, model: String) -> String {
        """
        [functions.\(name)]
        type = "chat"

        [functions.\(name).variants.v]
        type = "chat_completion"
        model = "\(model)"

        """
    }

    /// `plan` with every GCP provider's endpoint moved from Google's host to the mock's `/vertex` prefix.
    static func vertexOnMock(_ plan: RoutingPlan, port: Int) -> RoutingPlan {
        var plan = plan
        for name in plan.models.keys {
            for index in plan.models[name]!.routing.indices {
                let endpoint = plan.models[name]!.routing[index].endpoint
                guard let path = endpoint.range(of: "/v1/projects/") else { continue }
                plan.models[name]!.routing[index].endpoint = "http://127.0.0.1:\(port)/vertex" + endpoint[path.lowerBound...]
            }
        }
        return plan
    }
}
