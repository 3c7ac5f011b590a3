import AsyncHTTPClient
import Foundation
import NIOCore
import SwitchyardConfig
import Testing
@testable import SwitchyardGateway

@Suite struct GCPTokenSourceTests {
    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    @Test func aTokenIsReusedUntilFiveMinutesBeforeItExpiresThenRenewed() async throws {
        let account = try ServiceAccountKeyFile(keyID: "refresh-key")
        let state = CloudMockState()
        state.acceptServiceAccount(keyID: "refresh-key", publicKey: account.key.publicKey)
        try await CloudHarness.run(environment: { _ in [:] }, config: { _ in CloudHarness.function("unused", model: "openai::gpt-4o-mini") }, state: state) { harness in
            let clock = ManualClock()
            let source = GCPTokenSource(client: harness.client, now: { clock.now })
            let file = Secret(account.json(port: harness.mockPort))
            let deadline = NIODeadline.now() + .seconds(10)
            func token() async throws -> String { try await source.accessToken(for: file, deadline: deadline).get().withValue { $0 } }
            let first = try await token()
            clock.advance(3600 - GCPTokenSource.refreshMargin - 1)
            let reused = try await token()
            clock.advance(2)
            let renewed = try await token()
            #expect([first, reused, renewed] == ["ya29.mock-1", "ya29.mock-1", "ya29.mock-2"])
            #expect(harness.state.calls(under: "/token").count == 2)
        }
    }

    @Test func concurrentRequestsShareOneExchange() async throws {
        let account = try ServiceAccountKeyFile(keyID: "shared-key")
        let state = CloudMockState()
        state.acceptServiceAccount(keyID: "shared-key", publicKey: account.key.publicKey)
        try await CloudHarness.run(environment: { _ in [:] }, config: { _ in CloudHarness.function("unused", model: "openai::gpt-4o-mini") }, state: state) { harness in
            let source = GCPTokenSource(client: harness.client)
            let file = Secret(account.json(port: harness.mockPort))
            let deadline = NIODeadline.now() + .seconds(10)
            let tokens = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<8 { group.addTask { try? await source.accessToken(for: file, deadline: deadline).get().withValue { $0 } } }
                return await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(tokens == ["ya29.mock-1"])
            #expect(harness.state.calls(under: "/token").count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aTokenEndpointThatStallsMidBodyFailsAtTheDeadline() async throws {
        let upstream = try await FaultUpstream.start(.stallMidBody)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let account = try ServiceAccountKeyFile(keyID: "stalled-key")
        let source = GCPTokenSource(client: client)
        let started = ContinuousClock.now
        let result = await source.accessToken(for: Secret(account.json(port: upstream.port)), deadline: .now() + .milliseconds(300))
        #expect(ContinuousClock.now - started < .seconds(5), "the half-sent body must not hold the exchange past its deadline")
        if case .failure(let failure) = result {
            #expect(failure.description.contains("the token endpoint could not be reached"))
        } else {
            Issue.record("a token endpoint that never finishes its answer must fail the exchange")
        }
        try await client.shutdown()
        await upstream.stop()
    }

    @Test func aKeyFileThatIsNotOneSaysWhyWithoutQuotingIt() async throws {
        try await CloudHarness.run(environment: { _ in [:] }, config: { _ in CloudHarness.function("unused", model: "openai::gpt-4o-mini") }) { harness in
            let source = GCPTokenSource(client: harness.client)
            let result = await source.accessToken(for: Secret(#"{"type": "service_account", "private_key": "secret-material"}"#), deadline: .now() + .seconds(5))
            guard case .failure(let failure) = result else { Issue.record("expected a failure"); return }
            #expect(failure.description == "Error in acquiring GCP credentials: Failed to load GCP credentials: missing `client_email`")
            #expect(harness.state.calls.isEmpty)
        }
    }
}
