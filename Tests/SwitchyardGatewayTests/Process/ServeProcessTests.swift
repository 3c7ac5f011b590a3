import AsyncHTTPClient
import Foundation
import NIOCore
import SwitchyardGateway
import Testing

/// `switchyard serve` as a real process: SIGTERM drains running requests and streams then exits 0; SIGHUP
/// reloads `--config` / `--plan` and `--env-file`; `--auth-tokens-*` and the warning for an exposed address.
@Suite(.serialized) struct ServeProcessTests {
    static let chat = #"{"function_name": "chat_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#

    /// POSTs `json` to the gateway on `port`; returns the status and the body as text.
    static func post(_ port: Int, _ json: String, headers: [(String, String)] = []) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/inference")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(contentsOf: headers)
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    /// Whether the gateway on `port` stops answering new requests within a second.
    static func refusesNewRequests(_ port: Int) async throws -> Bool {
        for _ in 0..<20 {
            do {
                _ = try await post(port, chat)
            } catch {
                return true
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// The wire model of the latest upstream call.
    static func lastWireModel(_ recorder: UpstreamRecorder) async -> String? {
        await recorder.calls.last?.body["model"] as? String
    }

    @Test func sigtermLetsRunningRequestsAndStreamsFinishThenExitsZero() async throws {
        try await MockUpstreamServer.run { upstreamPort, recorder async throws in
            let configs = try ReloadConfigs()
            defer { configs.remove() }
            try configs.write(ReloadConfigs.config(upstreamPort: upstreamPort, wire: "wire-a", slow: true))
            let serve = try ServeProcess(["--config", configs.config, "--env-file", configs.environmentFile, "--port", "0", "--grace-period", "10"])
            defer { serve.stop() }
            let port = try await serve.port()
            async let slow = Self.post(port, #"{"function_name": "slow_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#)
            async let stream = Self.post(port, #"{"function_name": "drip_fn", "stream": true, "input": {"messages": [{"role": "user", "content": "hi"}]}}"#)
            while await recorder.calls.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(100))
            serve.send(SIGTERM)
            #expect(try await Self.refusesNewRequests(port), "new requests are still served after SIGTERM")
            let (slowStatus, slowBody) = try await slow
            #expect(slowStatus == 200)
            #expect(slowBody.contains("too late"))
            let (streamStatus, streamBody) = try await stream
            #expect(streamStatus == 200)
            #expect(streamBody.hasSuffix("data: [DONE]\n\n"))
            #expect(try await serve.exitStatus() == 0)
        }
    }

    @Test func sighupReloadsAGoodConfigAndKeepsServingWhenTheNextIsBroken() async throws {
        try await MockUpstreamServer.run { upstreamPort, recorder async throws in
            let configs = try ReloadConfigs()
            defer { configs.remove() }
            try configs.write(ReloadConfigs.config(upstreamPort: upstreamPort, wire: "wire-a"))
            let serve = try ServeProcess(["--config", configs.config, "--env-file", configs.environmentFile, "--port", "0"])
            defer { serve.stop() }
            let port = try await serve.port()
            #expect(try await Self.post(port, Self.chat).status == 200)
            #expect(await Self.lastWireModel(recorder) == "wire-a")

            try configs.write(ReloadConfigs.config(upstreamPort: upstreamPort, wire: "wire-b"))
            serve.send(SIGHUP)
            try await serve.waitFor("reload ok: serving 1 model(s) and 1 function(s) from \(configs.config)")
            #expect(try await Self.post(port, Self.chat).status == 200)
            #expect(await Self.lastWireModel(recorder) == "wire-b")

            try configs.write(ReloadConfigs.broken)
            serve.send(SIGHUP)
            try await serve.waitFor("reload rejected with 1 error(s): still serving the previous plan")
            #expect(serve.standardError.contains("\(configs.config):3:"))
            #expect(try await Self.post(port, Self.chat).status == 200)
            #expect(await Self.lastWireModel(recorder) == "wire-b")

            serve.send(SIGTERM)
            #expect(try await serve.exitStatus() == 0)
        }
    }

    @Test func sighupRereadsThePlanFile() async throws {
        try await MockUpstreamServer.run { upstreamPort, recorder async throws in
            let configs = try ReloadConfigs()
            defer { configs.remove() }
            let planFile = configs.folder.appendingPathComponent("plan.json").path
            func writePlan(_ wire: String) throws {
                let plan = try #require(try GatewayHarness.compile(ReloadConfigs.config(upstreamPort: upstreamPort, wire: wire)).plan)
                try plan.canonicalJSON.write(toFile: planFile, atomically: true, encoding: .utf8)
            }
            try writePlan("wire-a")
            let serve = try ServeProcess(["--plan", planFile, "--env-file", configs.environmentFile, "--port", "0"])
            defer { serve.stop() }
            let port = try await serve.port()
            #expect(try await Self.post(port, Self.chat).status == 200)
            #expect(await Self.lastWireModel(recorder) == "wire-a")
            try writePlan("wire-b")
            serve.send(SIGHUP)
            try await serve.waitFor("reload ok: serving 1 model(s) and 1 function(s) from \(planFile)")
            #expect(try await Self.post(port, Self.chat).status == 200)
            #expect(await Self.lastWireModel(recorder) == "wire-b")
            serve.send(SIGTERM)
            #expect(try await serve.exitStatus() == 0)
        }
    }

    @Test func anExposedAddressWarnsWithoutTokensAndTokensFromTheCommandLineAreRequired() async throws {
        try await MockUpstreamServer.run { upstreamPort, _ async throws in
            let configs = try ReloadConfigs()
            defer { configs.remove() }
            try configs.write(ReloadConfigs.config(upstreamPort: upstreamPort, wire: "wire-a"))
            let base = ["--config", configs.config, "--env-file", configs.environmentFile, "--host", "0.0.0.0", "--port", "0"]

            let open = try ServeProcess(base)
            defer { open.stop() }
            _ = try await open.port()
            #expect(open.standardError.contains("warning: serving on 0.0.0.0 without authentication"))
            open.send(SIGTERM)
            #expect(try await open.exitStatus() == 0)

            let tokenFile = configs.folder.appendingPathComponent("tokens.txt").path
            try "# gateway clients\nsk-cli-token-1 # batch\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let guarded = try ServeProcess(base + ["--auth-tokens-file", tokenFile])
            defer { guarded.stop() }
            let port = try await guarded.port()
            #expect(!guarded.standardError.contains("without authentication"))
            #expect(try await Self.post(port, Self.chat).status == 401)
            #expect(try await Self.post(port, Self.chat, headers: [("authorization", "Bearer sk-cli-token-1")]).status == 200)
            guarded.send(SIGTERM)
            #expect(try await guarded.exitStatus() == 0)
            #expect(!guarded.standardError.contains("sk-cli-token-1"))
        }
    }

    @Test func badTokenSourcesRefuseTheStart() async throws {
        let configs = try ReloadConfigs()
        defer { configs.remove() }
        try configs.write(ReloadConfigs.config(upstreamPort: 1, wire: "wire-a"))
        let tokenFile = configs.folder.appendingPathComponent("tokens.txt").path
        let base = ["--config", configs.config, "--env-file", configs.environmentFile, "--port", "0"]
        let cases: [(tokens: String?, arguments: [String], error: String)] = [
            ("sk-good-token\nsk-bad token-canary\n", ["--auth-tokens-file", tokenFile], "switchyard serve: \(tokenFile):2: expected one token"),
            ("# no tokens yet\n", ["--auth-tokens-file", tokenFile], "switchyard serve: \(tokenFile): the token file holds no token"),
            (nil, ["--auth-tokens-env", "SWITCHYARD_TEST_UNSET_TOKENS"], "switchyard serve: --auth-tokens-env: the variable `SWITCHYARD_TEST_UNSET_TOKENS` is not set"),
        ]
        for testCase in cases {
            if let tokens = testCase.tokens { try tokens.write(toFile: tokenFile, atomically: true, encoding: .utf8) }
            let serve = try ServeProcess(base + testCase.arguments)
            defer { serve.stop() }
            #expect(try await serve.exitStatus() == 1)
            #expect(serve.standardError.contains(testCase.error))
            #expect(!serve.standardError.contains("canary"))
        }
    }
}
