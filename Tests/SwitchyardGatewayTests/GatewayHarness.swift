import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan

/// Starts a mock upstream and the gateway (compiled from `GatewayHarness.config`) on ephemeral loopback
/// ports, runs `body`, then shuts both down.
struct GatewayHarness: Sendable {
    let gatewayPort: Int
    let upstreamPort: Int
    let recorder: UpstreamRecorder
    let client: HTTPClient
    /// The gateway under test (to swap its plan, as a reload does).
    let gateway: Gateway

    /// The gateway's environment: static keys the config's `env::` locations name.
    static let environment = SwitchyardConfig.Environment([
        "TEST_OPENAI_KEY": "sk-static-openai", "TEST_ANTHROPIC_KEY": "sk-static-anthropic", "TEST_AZURE_KEY": "azure-static",
        "TEST_GOOGLE_KEY": "google-static",
    ])

    /// The config under test, pointing every provider at the mock upstream on `port`.
    static func config(upstreamPort port: Int) -> String {
        let base = "http://127.0.0.1:\(port)"
        func openAI(_ model: String, _ provider: String, path: String, key: String = "env::TEST_OPENAI_KEY") -> String {
            """
            [models.\(model).providers.\(provider)]
            type = "openai"
            api_base = "\(base)/\(path)/v1/"
            model_name = "\(provider)-wire"
            api_key_location = "\(key)"

            """
        }
        func function(_ name: String, model: String, kind: String = "chat") -> String {
            """
            [functions.\(name)]
            type = "\(kind)"

            [functions.\(name).variants.\(name)_variant]
            type = "chat_completion"
            model = "\(model)"

            """
        }
        return """
            [models.ok_model]
            routing = ["primary"]

            \(openAI("ok_model", "primary", path: "ok"))
            [models.fallback_model]
            routing = ["broken", "backup"]

            \(openAI("fallback_model", "broken", path: "fail"))
            \(openAI("fallback_model", "backup", path: "ok"))
            [models.failing_model]
            routing = ["broken"]

            \(openAI("failing_model", "broken", path: "fail"))
            [models.dynamic_model]
            routing = ["customer"]

            \(openAI("dynamic_model", "customer", path: "ok", key: "dynamic::customer_key"))
            [models.slow_model]
            routing = ["slow"]

            \(openAI("slow_model", "slow", path: "slow"))
            [models.slow_model.providers.slow.timeouts]
            non_streaming.total_ms = 300

            [models.claude]
            routing = ["anthropic"]

            [models.claude.providers.anthropic]
            type = "anthropic"
            api_base = "\(base)/anthropic/v1/"
            model_name = "claude-test"
            api_key_location = "env::TEST_ANTHROPIC_KEY"

            [models.azure_model]
            routing = ["azure"]

            [models.azure_model.providers.azure]
            type = "azure"
            endpoint = "\(base)/azure"
            deployment_id = "my-deployment"
            api_key_location = "env::TEST_AZURE_KEY"

            [models.slowstart_model]
            routing = ["slowstart", "errorfirst", "backup"]

            \(openAI("slowstart_model", "slowstart", path: "slowstart"))
            [models.slowstart_model.providers.slowstart.timeouts]
            streaming.ttft_ms = 300

            \(openAI("slowstart_model", "errorfirst", path: "errorfirst"))
            \(openAI("slowstart_model", "backup", path: "ok"))
            [models.garbled_model]
            routing = ["garbled"]

            \(openAI("garbled_model", "garbled", path: "garbled"))
            [models.drip_model]
            routing = ["drip"]

            \(openAI("drip_model", "drip", path: "drip"))
            [models.drip_model.providers.drip.timeouts]
            streaming.total_ms = 1500

            [models.overloaded_claude]
            routing = ["anthropic"]

            [models.overloaded_claude.providers.anthropic]
            type = "anthropic"
            api_base = "\(base)/anthropic-overloaded/v1/"
            model_name = "claude-test"
            api_key_location = "env::TEST_ANTHROPIC_KEY"

            \(function("chat_fn", model: "ok_model"))
            \(function("slowstart_fn", model: "slowstart_model"))
            \(function("garbled_fn", model: "garbled_model"))
            \(function("drip_fn", model: "drip_model"))
            \(function("overloaded_fn", model: "overloaded_claude"))
            \(function("fallback_fn", model: "fallback_model"))
            \(function("failing_fn", model: "failing_model"))
            \(function("dynamic_fn", model: "dynamic_model"))
            \(function("slow_fn", model: "slow_model"))
            \(function("claude_fn", model: "claude"))
            \(function("azure_fn", model: "azure_model"))
            """
    }

    /// Compiles `toml` (written to a temporary file) against `environment`.
    static func compile(_ toml: String, environment: SwitchyardConfig.Environment = environment) throws -> Compiler.Compilation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("tensorzero.toml")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return Compiler.compile(configAt: file.path, environment: environment)
    }

    /// Runs `body` against a gateway serving `config` (by default `GatewayHarness.config`) for the mock
    /// upstream's port, after `preparePlan` (which may, say, round-trip the plan through its JSON), logging to
    /// `logger`, requiring one of `accessTokens` when given, within `limits`.
    static func run(
        config: @Sendable (Int) -> String = GatewayHarness.config(upstreamPort:), logger: Logger? = nil, accessTokens: AccessTokens? = nil, limits: RequestLimits = .standard,
        preparePlan: @Sendable (RoutingPlan, Int) throws -> RoutingPlan = { plan, _ in plan },
        _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        let recorder = UpstreamRecorder()
        let (upstreamPorts, upstreamReady) = AsyncStream.makeStream(of: Int.self)
        let (gatewayPorts, gatewayReady) = AsyncStream.makeStream(of: Int.self)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var quiet = Logger(label: "switchyard.gateway.test")
        quiet.logLevel = .critical
        try await withThrowingTaskGroup(of: Void.self) { group in
            let upstream = Application(
                router: MockUpstream.router(recorder: recorder),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { upstreamReady.yield($0.localAddress?.port ?? 0) },
                logger: quiet
            )
            group.addTask { try await upstream.runService(gracefulShutdownSignals: []) }
            var ports = upstreamPorts.makeAsyncIterator()
            let upstreamPort = await ports.next() ?? 0
            let compilation = try compile(config(upstreamPort))
            guard let compiled = compilation.plan else {
                throw HarnessError(description: compilation.diagnostics.map(\.description).joined(separator: "\n"))
            }
            let gateway = Gateway(
                plan: try preparePlan(compiled, upstreamPort), environment: environment, logger: logger ?? quiet, accessTokens: accessTokens
            )
            group.addTask {
                try await GatewayServer(host: "127.0.0.1", port: 0, limits: limits).run(gateway, shutdownSignals: []) { gatewayReady.yield($0) }
            }
            var gatewayIterator = gatewayPorts.makeAsyncIterator()
            let gatewayPort = await gatewayIterator.next() ?? 0
            let harness = GatewayHarness(gatewayPort: gatewayPort, upstreamPort: upstreamPort, recorder: recorder, client: client, gateway: gateway)
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

    /// POSTs `json` to the gateway's `path` with `headers`; returns the status and the parsed JSON body.
    func post(_ path: String, _ json: String, headers: [(String, String)] = []) async throws -> (status: Int, body: [String: Any]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(gatewayPort)\(path)")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(contentsOf: headers)
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
        return (Int(response.status.code), object)
    }

    /// GETs the gateway's `path` with `headers`.
    func get(_ path: String, headers: [(String, String)] = []) async throws -> (status: Int, body: [String: Any]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(gatewayPort)\(path)")
        request.headers.add(contentsOf: headers)
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:])
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}
