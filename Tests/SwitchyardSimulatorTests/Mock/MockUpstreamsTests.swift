import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine
@testable import SwitchyardSimulator

/// Mock upstreams: each follows its own `respond` script, one step per attempt; revoked credential values get
/// 401; an upstream that does not answer in time times out at the attempt's deadline.
final class MockUpstreamsTests: XCTestCase {
    private let env = ["KEY1": "sk-one", "KEY2": "sk-two", "OPENAI_API_KEY": "sk-openai"]
    private let ms: Int64 = 1_000_000

    private func engine() throws -> Engine {
        try makeSimulatorEngine(twoKeyConfig + "[functions.s]\ntype = \"chat\"\n\n[functions.s.variants.v]\ntype = \"chat_completion\"\nmodel = \"openai::gpt-4o-mini\"\n", env: env)
    }

    /// An attempt to the upstream `model.provider` (by its engine number) starting at `start`.
    private func attempt(_ engine: Engine, _ model: String, start: Int64 = 0, deadline: Int64? = nil, credential: String? = nil) throws -> ProviderAttempt {
        var execution = engine.start(InferenceRequest(target: .model("m1"), episodeID: EpisodeID(high: 0, low: 0)), at: 0, jitterSeed: 1)
        guard case .attempt(let first) = execution.next(at: 0) else { throw XCTSkip("no attempt") }
        let attempt = ProviderAttempt(
            variant: first.variantRoute, route: try XCTUnwrap(engine.providers.first { $0.model == model }),
            credential: credential.map(Secret.init) ?? first.credential, credentialLink: 0,
            isFallbackCredential: first.isFallbackCredential, start: start, deadline: deadline, stream: first.stream, payload: first.payload
        )
        return attempt
    }

    private func script(_ steps: [(ResponseScript.Outcome, Int64, Int)], loops: Bool = false) -> ResponseScript {
        ResponseScript(steps: steps.map { ResponseScript.Step(outcome: $0.0, latency: $0.1 * ms, count: $0.2) }, loops: loops)
    }

    private func mocks(_ engine: Engine, _ scripts: [UpstreamKey: ResponseScript], revoked: Set<Secret> = [], outboundTimeout: Int64 = 900_000 * 1_000_000) -> MockUpstreams {
        MockUpstreams(scripts: scripts, providers: engine.providers, revoked: revoked, outboundTimeout: outboundTimeout)
    }

    func testAnUnscriptedUpstreamAnswersOkAtOnce() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [:])
        let answer = upstreams.answer(try attempt(engine, "m1", start: 7 * ms))
        XCTAssertEqual(answer.outcome, .success(MockUpstreams.response))
        XCTAssertEqual(answer.at, 7 * ms)
    }

    func testEachUpstreamAdvancesItsOwnScriptAndTheLastStepRepeats() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [
            UpstreamKey(model: "m1", provider: "p"): script([(.status(500), 0, 2), (.ok, 10, 1)]),
            UpstreamKey(model: "m2", provider: "p"): script([(.status(503), 5, 1), (.ok, 0, 1)]),
        ])
        let m1 = try attempt(engine, "m1", start: 100 * ms)
        let m2 = try attempt(engine, "m2", start: 100 * ms)
        XCTAssertEqual(upstreams.answer(m1).outcome, .status(500, body: #"{"error": {"message": "mock upstream answered 500"}}"#))
        XCTAssertEqual(upstreams.answer(m2).outcome, .status(503, body: #"{"error": {"message": "mock upstream answered 503"}}"#))
        XCTAssertEqual(upstreams.answer(m1).outcome.status, 500)
        let third = upstreams.answer(m1)
        XCTAssertEqual(third.outcome, .success(MockUpstreams.response))
        XCTAssertEqual(third.at, 110 * ms)
        XCTAssertEqual(upstreams.answer(m1).outcome, .success(MockUpstreams.response), "the last step repeats")
        XCTAssertEqual(upstreams.answer(m2).outcome, .success(MockUpstreams.response))
    }

    func testALoopingScriptStartsOverAfterItsLastStep() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [UpstreamKey(model: "m1", provider: "p"): script([(.ok, 0, 2), (.status(500), 0, 1)], loops: true)])
        let m1 = try attempt(engine, "m1")
        let statuses = (0..<7).map { _ in upstreams.answer(m1).outcome.status }
        XCTAssertEqual(statuses, [200, 200, 500, 200, 200, 500, 200])
    }

    func testARevokedCredentialGets401AndStillAdvancesTheScript() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [UpstreamKey(model: "m1", provider: "p"): script([(.status(500), 20, 1), (.ok, 0, 1)])], revoked: [Secret("sk-revoked")])
        let revoked = upstreams.answer(try attempt(engine, "m1", start: 0, credential: "sk-revoked"))
        XCTAssertEqual(revoked.outcome.status, 401)
        guard case .status(_, let body) = revoked.outcome else { return XCTFail("expected a status") }
        XCTAssertTrue(body.contains("Incorrect API key provided"), body)
        XCTAssertEqual(revoked.at, 20 * ms, "the step's latency still applies")
        XCTAssertEqual(upstreams.answer(try attempt(engine, "m1", credential: "sk-good")).outcome, .success(MockUpstreams.response))
        XCTAssertEqual(upstreams.answer(try attempt(engine, "m1", credential: "sk-revoked")).outcome.status, 401, "revocation beats ok")
    }

    func testATimeoutStepTimesOutAtTheDeadlineOrTheOutboundTimeout() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [UpstreamKey(model: "m1", provider: "p"): script([(.timeout, 0, 1)])], outboundTimeout: 900 * ms)
        let withDeadline = upstreams.answer(try attempt(engine, "m1", start: 10 * ms, deadline: 510 * ms))
        XCTAssertEqual(withDeadline.outcome, .timedOut)
        XCTAssertEqual(withDeadline.at, 510 * ms)
        let withoutDeadline = upstreams.answer(try attempt(engine, "m1", start: 10 * ms))
        XCTAssertEqual(withoutDeadline.outcome, .timedOut)
        XCTAssertEqual(withoutDeadline.at, 910 * ms)
    }

    func testAnAnswerSlowerThanTheDeadlineTimesOut() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [UpstreamKey(model: "m1", provider: "p"): script([(.ok, 300, 1)])])
        let late = upstreams.answer(try attempt(engine, "m1", start: 0, deadline: 299 * ms))
        XCTAssertEqual(late.outcome, .timedOut)
        XCTAssertEqual(late.at, 299 * ms)
        let onTime = upstreams.answer(try attempt(engine, "m1", start: 0, deadline: 300 * ms))
        XCTAssertEqual(onTime.outcome, .success(MockUpstreams.response))
        XCTAssertEqual(onTime.at, 300 * ms)
        var revokedUpstreams = mocks(engine, [UpstreamKey(model: "m1", provider: "p"): script([(.ok, 300, 1)])], revoked: [Secret("x")])
        XCTAssertEqual(revokedUpstreams.answer(try attempt(engine, "m1", deadline: 100 * ms, credential: "x")).outcome, .timedOut)
    }

    func testResetAndGarbageSteps() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [UpstreamKey(model: "m1", provider: "p"): script([(.reset, 0, 1), (.garbage, 0, 1)])])
        let m1 = try attempt(engine, "m1")
        XCTAssertEqual(upstreams.answer(m1).outcome, .connectionReset)
        guard case .unparseableResponse = upstreams.answer(m1).outcome else { return XCTFail("expected an unparseable answer") }
    }

    func testAReferencedShorthandModelIsScriptedByItsName() throws {
        let engine = try engine()
        var upstreams = mocks(engine, [UpstreamKey(model: "openai::gpt-4o-mini", provider: "openai"): script([(.status(429), 0, 1)])])
        XCTAssertEqual(upstreams.answer(try attempt(engine, "openai::gpt-4o-mini")).outcome.status, 429)
        XCTAssertEqual(upstreams.answer(try attempt(engine, "m1")).outcome.status, 200)
    }

    func testAShorthandBuiltForOneModelNameRequestKeepsItsOwnPosition() throws {
        let engine = try engine()
        var execution = engine.start(InferenceRequest(target: .model("openai::gpt-4o"), episodeID: EpisodeID(high: 0, low: 0)), at: 0, jitterSeed: 1)
        guard case .attempt(let shorthand) = execution.next(at: 0) else { return XCTFail("expected an attempt") }
        XCTAssertEqual(shorthand.route.id, -1, "an unreferenced shorthand is built for the request")
        var upstreams = mocks(engine, [UpstreamKey(model: "openai::gpt-4o", provider: "openai"): script([(.status(500), 0, 1), (.ok, 0, 1)])])
        XCTAssertEqual(upstreams.answer(shorthand).outcome.status, 500)
        XCTAssertEqual(upstreams.answer(shorthand).outcome.status, 200)
        XCTAssertEqual(upstreams.answer(try attempt(engine, "m1")).outcome.status, 200)
    }
}

extension AttemptOutcome {
    /// The HTTP status the outcome stands for (200 for success, 0 otherwise).
    var status: Int {
        switch self {
        case .success: 200
        case .status(let status, _): status
        default: 0
        }
    }
}
