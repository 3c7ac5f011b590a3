import Foundation
import SwitchyardGateway
import Testing

/// `SIGHUP`'s reload, driven in-process: a good config swaps in for new requests while running ones finish on
/// the old plan; a broken one is logged with its diagnostics and the old plan keeps serving.
@Suite struct GatewayReloaderTests {
    static let chat = #"{"function_name": "chat_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#
    static let slow = #"{"function_name": "slow_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#

    /// The wire model of each upstream call so far.
    static func wireModels(_ harness: GatewayHarness) async -> [String] {
        await harness.recorder.calls.map { $0.body["model"] as? String ?? "?" }
    }

    @Test func aGoodChangeRoutesTheNextRequestByTheNewConfig() async throws {
        let capture = LogCapture()
        let configs = try ReloadConfigs()
        defer { configs.remove() }
        try await GatewayHarness.run(config: { ReloadConfigs.config(upstreamPort: $0, wire: "wire-a") }, logger: capture.logger()) { harness async throws in
            #expect(try await harness.post("/inference", Self.chat).status == 200)
            try configs.write(ReloadConfigs.config(upstreamPort: harness.upstreamPort, wire: "wire-b"))
            let reloader = GatewayReloader(source: PlanSource(.config(pattern: configs.config), environmentFile: configs.environmentFile), gateway: harness.gateway)
            #expect(await reloader.reload())
            #expect(try await harness.post("/inference", Self.chat).status == 200)
            #expect(await Self.wireModels(harness) == ["wire-a", "wire-b"])
        }
        let reloads = capture.lines.filter { $0.message.hasPrefix("reload ") }
        #expect(reloads.map(\.message) == ["reload ok: serving 1 model(s) and 1 function(s) from \(configs.config)"])
    }

    @Test func aBrokenChangeIsLoggedWithItsDiagnosticsAndTheOldPlanKeepsServing() async throws {
        let capture = LogCapture()
        let configs = try ReloadConfigs()
        defer { configs.remove() }
        try await GatewayHarness.run(config: { ReloadConfigs.config(upstreamPort: $0, wire: "wire-a") }, logger: capture.logger()) { harness async throws in
            try configs.write(ReloadConfigs.broken)
            let reloader = GatewayReloader(source: PlanSource(.config(pattern: configs.config), environmentFile: configs.environmentFile), gateway: harness.gateway)
            #expect(await reloader.reload() == false)
            #expect(try await harness.post("/inference", Self.chat).status == 200)
            #expect(await Self.wireModels(harness) == ["wire-a"])
        }
        let errors = capture.lines.filter { $0.level == .error }.map(\.message)
        #expect(errors.contains { $0.hasPrefix("\(configs.config):3:") && $0.contains("error[SY") && $0.contains("no_such_model") })
        #expect(errors.contains("reload rejected with 1 error(s): still serving the previous plan"))
    }

    @Test func aMissingCredentialIsRejectedAsAtStartup() async throws {
        let capture = LogCapture()
        let configs = try ReloadConfigs()
        defer { configs.remove() }
        try await GatewayHarness.run(config: { ReloadConfigs.config(upstreamPort: $0, wire: "wire-a") }, logger: capture.logger()) { harness async throws in
            try configs.write(ReloadConfigs.config(upstreamPort: harness.upstreamPort, wire: "wire-b"))
            try "OTHER_KEY=x\n".write(toFile: configs.environmentFile, atomically: true, encoding: .utf8)
            let reloader = GatewayReloader(source: PlanSource(.config(pattern: configs.config), environmentFile: configs.environmentFile), gateway: harness.gateway)
            #expect(await reloader.reload() == false)
            #expect(try await harness.post("/inference", Self.chat).status == 200)
            #expect(await Self.wireModels(harness) == ["wire-a"])
        }
        #expect(capture.lines.contains { $0.level == .error && $0.message.contains("Environment variable `TEST_OPENAI_KEY` is missing") })
    }

    @Test func aRequestRunningDuringAReloadFinishesOnTheOldPlan() async throws {
        let configs = try ReloadConfigs()
        defer { configs.remove() }
        try await GatewayHarness.run(config: { ReloadConfigs.config(upstreamPort: $0, wire: "wire-a", slow: true) }) { harness async throws in
            async let slow = harness.post("/inference", Self.slow)
            while await harness.recorder.calls.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            try configs.write(ReloadConfigs.config(upstreamPort: harness.upstreamPort, wire: "wire-b"))
            let reloader = GatewayReloader(source: PlanSource(.config(pattern: configs.config), environmentFile: configs.environmentFile), gateway: harness.gateway)
            #expect(await reloader.reload())
            #expect(try await harness.post("/inference", Self.slow).status == 404)
            #expect(try await slow.status == 200)
        }
    }

    @Test func concurrentRequestsDuringReloadsAllSucceed() async throws {
        let configs = try ReloadConfigs()
        defer { configs.remove() }
        try await GatewayHarness.run(config: { ReloadConfigs.config(upstreamPort: $0, wire: "wire-a") }) { harness async throws in
            let reloader = GatewayReloader(source: PlanSource(.config(pattern: configs.config), environmentFile: configs.environmentFile), gateway: harness.gateway)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<400 { group.addTask { try await harness.post("/inference", Self.chat).status } }
                for round in 0..<20 {
                    try configs.write(ReloadConfigs.config(upstreamPort: harness.upstreamPort, wire: round.isMultiple(of: 2) ? "wire-b" : "wire-a"))
                    #expect(await reloader.reload())
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 400)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(Set(await Self.wireModels(harness)).isSubset(of: ["wire-a", "wire-b"]))
        }
    }
}
