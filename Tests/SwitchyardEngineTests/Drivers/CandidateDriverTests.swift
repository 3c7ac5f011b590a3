import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A transport that holds every candidate's answer until all of the request's candidates have arrived, so a
/// driver that sent them one after the other would never finish; the evaluator's answer picks candidate 1.
private final class GatheringTransport: ProviderTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var arrived: [String] = []
    private let candidates: Int

    init(candidates: Int) { self.candidates = candidates }

    var log: [String] { lock.withLock { arrived } }

    func send(_ attempt: ProviderAttempt) async -> AttemptOutcome {
        let count = lock.withLock {
            arrived.append(attempt.model)
            return arrived.count
        }
        if attempt.model == "judge" {
            return .success(ProviderResponse(text: #"{"thinking": "t", "answer_choice": 1}"#, inputTokens: 1, outputTokens: 1))
        }
        var waited = 0
        while lock.withLock({ arrived.count }) < candidates, waited < 500 {
            try? await Task.sleep(nanoseconds: 10_000_000)
            waited += 1
        }
        return .success(ProviderResponse(text: "answer \(count)", inputTokens: 1, outputTokens: 1))
    }
}

/// `Engine.run`, the gateway's driver, with a best-of-N variant: candidates run at once, then the evaluator.
final class CandidateDriverTests: XCTestCase {
    func testTheGatewayDriverRunsCandidatesConcurrently() async throws {
        let toml = ["m_a", "m_b", "judge"].map(TestConfig.simpleModel).joined() + """
            [functions.f]
            type = "chat"

            [functions.f.variants.a]
            type = "chat_completion"
            model = "m_a"

            [functions.f.variants.b]
            type = "chat_completion"
            model = "m_b"

            [functions.f.variants.bon]
            type = "experimental_best_of_n_sampling"
            candidates = ["a", "b", "a"]

            [functions.f.variants.bon.evaluator]
            model = "judge"
            """
        let engine = try makeEngine(toml, env: TestConfig.env)
        let transport = GatheringTransport(candidates: 3)
        let started = Date()
        let result = await engine.run(request(pinned: "bon"), transport: transport, clock: ManualClock(at: 0), jitterSeed: 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 4, "the candidates waited for each other: they were sent one by one")
        XCTAssertEqual(result.status, 200)
        XCTAssertEqual(result.variant, "bon")
        XCTAssertEqual(transport.log.count, 4)
        XCTAssertEqual(transport.log.last, "judge")
        XCTAssertEqual(Set(transport.log.prefix(3)), ["m_a", "m_b"])
        XCTAssertEqual(result.attemptCount, 4)
        XCTAssertEqual(result.response?.inputTokens, 4)
    }
}
