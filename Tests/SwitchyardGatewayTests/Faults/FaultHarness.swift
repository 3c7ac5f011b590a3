import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan

/// The gateway serving every `FaultCase` (each with its own misbehaving upstream) plus `f_healthy` on the shared
/// healthy `backup` upstream, all on loopback. The config is kept on disk so the simulator can run the same file.
struct FaultHarness: Sendable {
    /// How one request ended, as the client saw it.
    struct Outcome: Sendable, Equatable, CustomStringConvertible {
        var status: Int
        var variant: String?
        /// The provider whose text came back (each provider's wire model name is its own name).
        var provider: String?
        /// Error events inside a 200 stream.
        var streamErrors: [String] = []
        var error: String?

        var description: String {
            "status \(status), variant \(variant ?? "-"), provider \(provider ?? "-")"
                + (streamErrors.isEmpty ? "" : ", stream errors \(streamErrors)") + (error.map { ", error \($0)" } ?? "")
        }
    }

    static let environment = ["FAULT_TEST_KEY": "sk-fault-test"]
    /// A host that cannot resolve (RFC 6761 reserves `.invalid`).
    static let unresolvableBase = "http://upstream.switchyard-fault-test.invalid"

    let gatewayPort: Int
    let backup: FaultUpstream
    let upstreams: [String: FaultUpstream]
    let folder: URL
    let client: HTTPClient

    var configPath: String { folder.appendingPathComponent("tensorzero.toml").path }

    /// Starts every upstream and the gateway, runs `body`, then stops them all.
    static func run(_ cases: [FaultCase] = FaultCase.all, _ body: @Sendable (FaultHarness) async throws -> Void) async throws {
        let backup = try await FaultUpstream.start(.answer)
        var upstreams: [String: FaultUpstream] = [:]
        for fault in cases {
            if let behaviour = fault.behaviour { upstreams[fault.name] = try await FaultUpstream.start(behaviour) }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configFile = folder.appendingPathComponent("tensorzero.toml")
        try config(cases, backup: backup, upstreams: upstreams).write(to: configFile, atomically: true, encoding: .utf8)
        let environment = SwitchyardConfig.Environment(Self.environment)
        let compilation = Compiler.compile(configAt: configFile.path, environment: environment)
        guard let plan = compilation.plan else {
            throw HarnessError(description: compilation.diagnostics.map(\.description).joined(separator: "\n"))
        }
        var quiet = Logger(label: "switchyard.gateway.faults")
        quiet.logLevel = .critical
        let gateway = Gateway(plan: plan, environment: environment, logger: quiet)
        var clientConfiguration = HTTPClient.Configuration()
        // Enough connections to the gateway for every request a test keeps in flight (the default is 8).
        clientConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let (ports, portReady) = AsyncStream.makeStream(of: Int.self)
        let outcome: Result<Void, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await GatewayServer(host: "127.0.0.1", port: 0).run(gateway, shutdownSignals: []) { portReady.yield($0) }
            }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let harness = FaultHarness(gatewayPort: port, backup: backup, upstreams: upstreams, folder: folder, client: client)
            let result: Result<Void, any Error>
            do {
                try await body(harness)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            group.cancelAll()
            return result
        }
        try? await client.shutdown()
        await backup.stop()
        for upstream in upstreams.values { await upstream.stop() }
        try? FileManager.default.removeItem(at: folder)
        try outcome.get()
    }

    /// The whole config: `m_backup` and `f_healthy` on `backup`, then every case's tables.
    private static func config(_ cases: [FaultCase], backup: FaultUpstream, upstreams: [String: FaultUpstream]) -> String {
        let backupBase = "http://127.0.0.1:\(backup.port)"
        var text = """
            [models.m_backup]
            routing = ["backup"]

            \(FaultCase.provider("backup", model: "m_backup", base: backupBase))
            [functions.f_healthy]
            type = "chat"

            [functions.f_healthy.variants.v]
            type = "chat_completion"
            model = "m_backup"


            """
        for fault in cases {
            let faultBase = upstreams[fault.name].map { "http://127.0.0.1:\($0.port)" } ?? unresolvableBase
            text += fault.toml(faultBase: faultBase, backupBase: backupBase)
        }
        return text
    }

    /// Sends one `/inference` request for `function` (streaming when asked) and reads the whole answer. Each
    /// request closes its connection, so the client holds no idle connection to the gateway afterwards.
    func infer(_ function: String, stream: Bool = false) async throws -> Outcome {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(gatewayPort)/inference")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "connection", value: "close")
        let body: [String: Any] = [
            "function_name": function, "stream": stream, "input": ["messages": [["role": "user", "content": "hi"]]],
        ]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await client.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let status = Int(response.status.code)
        guard response.headers.first(name: "content-type") == "text/event-stream" else {
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            let content = (object["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined()
            return Outcome(
                status: status, variant: object["variant_name"] as? String, provider: content.flatMap(Self.provider),
                error: object["error"] as? String
            )
        }
        var outcome = Outcome(status: status)
        var content = ""
        for event in text.components(separatedBy: "\n\n") where event.hasPrefix("data: ") && event != "data: [DONE]" {
            let object = (try? JSONSerialization.jsonObject(with: Data(event.dropFirst(6).utf8))) as? [String: Any] ?? [:]
            if let error = object["error"] as? String { outcome.streamErrors.append(error) }
            if let variant = object["variant_name"] as? String { outcome.variant = variant }
            content += (object["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined() ?? ""
        }
        outcome.provider = Self.provider(content)
        return outcome
    }

    /// The provider a text came from: upstreams end their text with the wire model name, here the provider's name.
    private static func provider(_ text: String) -> String? {
        text.split(separator: " ").last.map(String.init)
    }
}
