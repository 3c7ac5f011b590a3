import XCTest
import SwitchyardReports
@testable import SwitchyardSimulator

/// `analyze` flags what a single failure breaks, and only that: each test writes a config whose weakness (or
/// strength) is known and checks the findings the simulated runs produce.
final class OutageAnalysisTests: XCTestCase {
    private func analyse(_ config: String, requests: Int = 400) throws -> AnalysisReport {
        let scratch = RunnerScratch()
        let path = scratch.write("tensorzero.toml", config)
        switch OutageAnalysis.run(configAt: path, options: .init(requestsPerFunction: requests, seed: 3)) {
        case .analysed(let report): return report
        case .invalid(let compilation):
            XCTFail("the test config is invalid: \(compilation.diagnostics.map(\.description))")
            throw CocoaError(.fileReadCorruptFile)
        }
    }

    private func findings(_ report: AnalysisReport, _ rule: AnalysisRule) -> [AnalysisFinding] {
        report.findings.filter { $0.rule == rule }
    }

    func testOneCredentialOnEveryPathIsASinglePointOfFailure() throws {
        let report = try analyse(sharedKeyConfig)
        let spofs = findings(report, .singlePointOfFailure).filter { $0.message.contains("credential") }
        XCTAssertEqual(spofs.map(\.message), ["function `f` has one credential, `env::SHARED`, on every path"])
        XCTAssertEqual(spofs.first?.severity, .error)
        XCTAssertEqual(spofs.first?.evidence, "when `env::SHARED` is revoked, 400 of 400 requests failed (mostly status 502)")
        XCTAssertEqual(report.survivors, [])
        let revoked = try XCTUnwrap(report.failures.first { $0.subject == "env::SHARED" })
        XCTAssertEqual(revoked.effects.map(\.outcome), [.losesAll])
    }

    func testTwoIndependentKeysSurviveEverySingleFailure() throws {
        let report = try analyse(twoKeyConfig)
        XCTAssertEqual(findings(report, .singlePointOfFailure), [])
        XCTAssertEqual(findings(report, .partialOutage), [])
        XCTAssertEqual(report.survivors, ["f"])
        // Losing one key moves its half of the traffic: the two shares add up to every request.
        let moved = report.failures.filter { $0.kind == .credentialRevoked }.map { $0.effects[0].rerouted }
        XCTAssertEqual(moved.count, 2)
        XCTAssertEqual(moved.reduce(0, +), 400)
        XCTAssertTrue(moved.allSatisfy { (150...250).contains($0) }, "\(moved)")
        XCTAssertEqual(findings(report, .capacityLoss).count, 4, "two keys and two providers, each moving traffic")
    }

    func testARoutingFallbackOnTheSameKeyIsFlaggedAsReusingIt() throws {
        let report = try analyse(sharedKeyConfig)
        let reuse = try XCTUnwrap(findings(report, .fallbackReusesCredential).first)
        XCTAssertEqual(reuse.message, "`f` falls back to `m.backup`, which uses `env::SHARED` too, so it fails along with it")
        XCTAssertEqual(reuse.evidence, "with `env::SHARED` revoked, 400 of 400 requests presented it again after a 401 (400 wasted attempts)")
        // The provider itself failing is not a single point of failure: routing moves to the backup.
        XCTAssertEqual(report.failures.first { $0.subject == "m.primary" }?.effects.first?.outcome, .reroutes)
    }

    func testANeverSampledVariantAndOddWeightsAreFlagged() throws {
        let report = try analyse(oddWeightsConfig)
        XCTAssertEqual(findings(report, .neverSampled).map(\.message), [
            "variant `idle` of `f` is never sampled: it is neither a candidate with a positive weight nor a fallback "
                + "(only a request pinning it with `variant_name` reaches it)",
        ])
        let weights = try XCTUnwrap(findings(report, .oddWeights).first)
        XCTAssertTrue(weights.message.hasPrefix("`f`: its candidate weights sum to 0.8, not 1 (or 100); TensorZero normalises the shares to a 62.5%, b 37.5%"), weights.message)
        XCTAssertTrue(weights.evidence.hasPrefix("healthy run: a 6"), weights.evidence)
    }

    func testWeightsSummingToOneAreNotFlagged() throws {
        XCTAssertEqual(findings(try analyse(twoKeyConfig), .oddWeights), [])
        XCTAssertEqual(findings(try analyse(twoKeyConfig), .neverSampled), [])
    }

    func testADynamicCredentialWithoutFallbackIsFlaggedOnlyWhenRequestsFail() throws {
        let report = try analyse(dynamicOnlyConfig)
        let missing = try XCTUnwrap(findings(report, .dynamicCredentialWithoutFallback).first)
        XCTAssertEqual(missing.message, "`m.caller` reads `dynamic::caller_key` with no fallback credential and no later routing entry that serves: "
            + "a request to `f` without `credentials.caller_key` fails")
        XCTAssertEqual(missing.severity, .warning)
        // With an env:: fallback side, requests without the key are served: nothing to flag.
        let covered = dynamicOnlyConfig.replacingOccurrences(
            of: #"api_key_location = "dynamic::caller_key""#,
            with: #"api_key_location = { default = "dynamic::caller_key", fallback = "env::TEAM" }"#
        )
        XCTAssertEqual(findings(try analyse(covered), .dynamicCredentialWithoutFallback), [])
    }

    func testEveryFailureIsSimulatedWithTheSameRequests() throws {
        let first = try analyse(twoKeyConfig)
        let second = try analyse(twoKeyConfig)
        XCTAssertEqual(first.failures, second.failures)
        XCTAssertEqual(first.findings, second.findings)
    }
}

/// `f` → model `m` whose two providers both read `env::SHARED`.
private let sharedKeyConfig = """
    [models.m]
    routing = ["primary", "backup"]

    [models.m.providers.primary]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::SHARED"

    [models.m.providers.backup]
    type = "openai"
    model_name = "gpt-4o"
    api_key_location = "env::SHARED"

    [functions.f]
    type = "chat"

    [functions.f.variants.v]
    type = "chat_completion"
    model = "m"
    """

/// Weights 0.5 and 0.3 (sum 0.8), and a variant that is neither candidate nor fallback.
private let oddWeightsConfig = """
    [models.m]
    routing = ["p"]

    [models.m.providers.p]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::KEY"

    [functions.f]
    type = "chat"

    [functions.f.variants.a]
    type = "chat_completion"
    model = "m"

    [functions.f.variants.b]
    type = "chat_completion"
    model = "m"

    [functions.f.variants.idle]
    type = "chat_completion"
    model = "m"

    [functions.f.experimentation]
    type = "static"
    candidate_variants = { a = 0.5, b = 0.3 }
    """

/// One provider reading only the caller's key.
private let dynamicOnlyConfig = """
    [models.m]
    routing = ["caller"]

    [models.m.providers.caller]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "dynamic::caller_key"

    [functions.f]
    type = "chat"

    [functions.f.variants.v]
    type = "chat_completion"
    model = "m"
    """
