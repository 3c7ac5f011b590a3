import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// The routing loop of one model call (reference §2.1): providers in `routing` order, any error moves on, the
/// first success returns, and every step is traced.
final class RoutingLoopTests: XCTestCase {
    private let config = TestConfig.model("m", providers: [
        ("p1", "api_key_location = \"env::K1\""), ("p2", "api_key_location = \"env::K2\""), ("p3", "api_key_location = \"env::K3\""),
    ]) + TestConfig.function(variants: [("v", "m", "")])
    private let env = ["K1": "sk-one", "K2": "sk-two", "K3": "sk-three"]

    func testTheFirstProviderServesWithItsCredential() throws {
        let run = drive(try makeEngine(config, env: env), request())
        XCTAssertEqual(run.calls, ["m.p1"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.provider, "p1")
        XCTAssertEqual(run.result.credential, "env::K1")
        XCTAssertFalse(run.result.usedFallbackCredential)
        XCTAssertEqual(run.attempts.first?.credential?.revealed, "sk-one")
        XCTAssertEqual(run.attempts.first?.credentialLocation, "env::K1")
        XCTAssertEqual(run.attempts.first?.provider.type, .openai)
        XCTAssertNil(run.attempts.first?.deadline, "no timeout is configured")
    }

    func testAnyProviderErrorMovesToTheNextProvider() throws {
        let engine = try makeEngine(config, env: env)
        for reply: Reply in [.status(500), .status(503), .status(429), .status(401), .status(403), .status(400), .reset, .garbage] {
            let run = drive(engine, request(), replies: ["m.p1": [reply]])
            XCTAssertEqual(run.calls, ["m.p1", "m.p2"], "after \(reply)")
            XCTAssertEqual(run.result.status, 200, "after \(reply)")
            XCTAssertEqual(run.result.provider, "p2", "after \(reply)")
            XCTAssertEqual(run.result.credential, "env::K2", "after \(reply)")
            XCTAssertEqual(run.result.attemptCount, 2, "after \(reply)")
        }
    }

    func testRoutingOrderIsTheRoutingListNotTheProviderTableOrder() throws {
        let toml = """
            [models.m]
            routing = ["zeta", "alpha"]

            [models.m.providers.alpha]
            type = "openai"
            model_name = "gpt-4o-mini"
            api_key_location = "env::K1"

            [models.m.providers.zeta]
            type = "openai"
            model_name = "gpt-4o"
            api_key_location = "env::K2"

            """ + TestConfig.function(variants: [("v", "m", "")])
        let run = drive(try makeEngine(toml, env: env), request(), replies: ["m.zeta": [.status(500)]])
        XCTAssertEqual(run.calls, ["m.zeta", "m.alpha"])
        XCTAssertEqual(run.attempts.map(\.provider.wireModel), ["gpt-4o", "gpt-4o-mini"])
    }

    func testAllProvidersFailingJoinsTheirErrorsWithCommasInRoutingOrder() throws {
        let run = drive(try makeEngine(config, env: env), request(pinned: "v"), replies: [
            "m.p1": [.status(500)], "m.p2": [.status(429)], "m.p3": [.reset],
        ])
        XCTAssertEqual(run.calls, ["m.p1", "m.p2", "m.p3"])
        XCTAssertEqual(run.result.status, 500)
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: p1: Error from openai server: body 500, "
            + "p2: Error 429 Too Many Requests from openai client: body 429, p3: Error sending request to openai: connection reset by peer")
    }

    func testAnUnparseableAnswerIsAProviderError() throws {
        let run = drive(try makeEngine(config, env: env), request(pinned: "v"), replies: [
            "m.p1": [.garbage], "m.p2": [.garbage], "m.p3": [.status(401)],
        ])
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: "
            + "p1: Error parsing response from openai: expected value at line 1 column 1, "
            + "p2: Error parsing response from openai: expected value at line 1 column 1, "
            + "p3: Error 401 Unauthorized from openai client: body 401")
    }

    func testTheTraceRecordsEveryAttemptWithItsTimes() throws {
        let run = drive(try makeEngine(config, env: env), request(), replies: [
            "m.p1": [.status(502, ms: 30)], "m.p2": [.reset], "m.p3": [.ok(ms: 120)],
        ], start: .milliseconds(5_000))
        let trace = run.result.trace
        XCTAssertEqual(outcomes(trace), [.status(502), .connectionReset, .success])
        XCTAssertEqual(trace.map(\.provider), ["p1", "p2", "p3"])
        XCTAssertEqual(trace.map(\.model), ["m", "m", "m"])
        XCTAssertEqual(trace.map(\.variant), ["v", "v", "v"])
        XCTAssertEqual(trace.map(\.credential), ["env::K1", "env::K2", "env::K3"])
        XCTAssertEqual(trace.map(\.start), [5_000, 5_030, 5_030].map(Nanoseconds.milliseconds))
        XCTAssertEqual(trace.map(\.end), [5_030, 5_030, 5_150].map(Nanoseconds.milliseconds))
        XCTAssertTrue(trace.allSatisfy(\.isAttempt))
        XCTAssertEqual(run.result.start, .milliseconds(5_000))
        XCTAssertEqual(run.result.end, .milliseconds(5_150))
        XCTAssertEqual(run.result.attemptCount, 3)
    }

    func testWithoutRecordingTheTraceIsEmptyButAttemptsAreCounted() throws {
        let engine = try makeEngine(config, env: env)
        var execution = engine.start(request(), at: 0, jitterSeed: 1, recordingTrace: false)
        guard case .attempt = execution.next(at: 0) else { return XCTFail("expected an attempt") }
        guard case .attempt = execution.complete(.status(500, body: "x"), at: 10) else { return XCTFail("expected a second attempt") }
        guard case .finished(let result) = execution.complete(.success(okResponse), at: 20) else { return XCTFail("expected the end") }
        XCTAssertEqual(result.trace.count, 0)
        XCTAssertEqual(result.attemptCount, 2)
        XCTAssertEqual(result.provider, "p2")
    }

    func testNextRepeatsThePendingAttemptUntilItIsCompleted() throws {
        let engine = try makeEngine(config, env: env)
        var execution = engine.start(request(), at: 0, jitterSeed: 1)
        guard case .attempt(let first) = execution.next(at: 0), case .attempt(let again) = execution.next(at: 5) else {
            return XCTFail("expected the pending attempt twice")
        }
        XCTAssertEqual(first.provider.name, again.provider.name)
        XCTAssertEqual(again.start, 0)
        guard case .finished(let result) = execution.complete(.success(okResponse), at: 7) else { return XCTFail("expected the end") }
        XCTAssertEqual(result.attemptCount, 1)
        guard case .finished(let repeated) = execution.next(at: 9) else { return XCTFail("a finished request stays finished") }
        XCTAssertEqual(repeated.end, 7)
    }

    func testEngineNumbersEveryProviderOfEveryModel() throws {
        let engine = try makeEngine(config + TestConfig.simpleModel("other"), env: env.merging(TestConfig.env) { $1 })
        XCTAssertEqual(engine.providers.map(\.id), Array(0..<engine.providers.count))
        XCTAssertEqual(Set(engine.providers.map { "\($0.model).\($0.plan.name)" }), ["m.p1", "m.p2", "m.p3", "other.p"])
        let attempt = try XCTUnwrap(firstAttempt(engine, request()))
        XCTAssertIdentical(engine.providers[attempt.route.id], attempt.route)
    }
    func testThePayloadReachesEveryAttemptAndTheResponseTheResult() throws {
        let payload = InferencePayload(system: "be brief", messages: [.init(role: .user, text: ["hello"])], temperature: 0.2, maxTokens: 64)
        var sent = request()
        sent.payload = payload
        let run = drive(try makeEngine(config, env: env), sent, replies: ["m.p1": [.status(500)]])
        XCTAssertEqual(run.attempts.map(\.payload), [payload, payload])
        XCTAssertEqual(run.result.response, okResponse)
        let failed = drive(try makeEngine(config, env: env), request(), replies: ["m.p1": [.status(500)], "m.p2": [.status(500)], "m.p3": [.status(500)]])
        XCTAssertNil(failed.result.response)
    }
}
