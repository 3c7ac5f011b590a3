import XCTest
import SwitchyardConfig
import SwitchyardReports
@testable import SwitchyardSimulator

/// Checking a phase's `expect` table (DESIGN.md, "Scenario files"): one check per expectation, held or not, with
/// what was expected and what was observed.
final class ExpectationEvaluatorTests: XCTestCase {
    /// Ten requests: eight 200s (v1 ×5 via m1.p with env::KEY1, v2 ×3 via m2.p with env::KEY2, two of them the
    /// fallback side), two 502s whose messages both mention `All variants failed`; 13 attempts.
    private func statistics() -> PhaseStatistics {
        var statistics = PhaseStatistics()
        statistics.requests = 10
        statistics.byStatus = [200: 8, 502: 2]
        statistics.servedBy = ["m1.p": 5, "m2.p": 3]
        statistics.byVariant = ["v1": 5, "v2": 3]
        statistics.byCredential = ["env::KEY1": 5, "env::KEY2": 3]
        statistics.fallbackCredential = 2
        statistics.attempts = 13
        statistics.errors = ["All variants failed with errors: v1: boom": 1, "All variants failed with errors: v2: bang": 1]
        statistics.latencies = (1...10).map { Int64($0) * 10_000_000 }
        return statistics
    }

    private func checks(_ expect: Expectations, statistics: PhaseStatistics? = nil, startupErrors: [String] = []) -> [ExpectationCheck] {
        ExpectationEvaluator(statistics: statistics ?? self.statistics(), startupErrors: startupErrors).checks(expect)
    }

    private func only(_ expect: Expectations, statistics: PhaseStatistics? = nil, file: StaticString = #filePath, line: UInt = #line) -> ExpectationCheck? {
        let all = checks(expect, statistics: statistics)
        XCTAssertEqual(all.count, 1, "\(all)", file: file, line: line)
        return all.first
    }

    func testNoExpectationsGiveNoChecks() {
        XCTAssertEqual(checks(Expectations()), [])
    }

    func testExactCounts() {
        var expect = Expectations()
        expect.status = ["200": located(.exactly(8)), "502": located(.exactly(1)), "500": located(.exactly(0))]
        expect.servedBy = ["m1.p": located(.exactly(5)), "m2.p": located(.exactly(4))]
        expect.variant = ["v1": located(.exactly(5))]
        expect.credential = ["env::KEY2": located(.exactly(3)), "env::OTHER": located(.exactly(1))]
        expect.fallbackCredential = located(.exactly(2))
        expect.attempts = located(.exactly(12))
        let results = checks(expect)
        XCTAssertEqual(results, [
            ExpectationCheck(name: "status.200", expected: "8", observed: "8", passed: true),
            ExpectationCheck(name: "status.500", expected: "0", observed: "0", passed: true),
            ExpectationCheck(name: "status.502", expected: "1", observed: "2", passed: false),
            ExpectationCheck(name: "served_by.m1.p", expected: "5", observed: "5", passed: true),
            ExpectationCheck(name: "served_by.m2.p", expected: "4", observed: "3", passed: false),
            ExpectationCheck(name: "variant.v1", expected: "5", observed: "5", passed: true),
            ExpectationCheck(name: "credential.env::KEY2", expected: "3", observed: "3", passed: true),
            ExpectationCheck(name: "credential.env::OTHER", expected: "1", observed: "0", passed: false),
            ExpectationCheck(name: "fallback_credential", expected: "2", observed: "2", passed: true),
            ExpectationCheck(name: "attempts", expected: "12", observed: "13", passed: false),
        ])
    }

    func testAllMeansEveryRequestOfThePhase() {
        var expect = Expectations()
        expect.status = ["200": located(.all)]
        XCTAssertEqual(only(expect), ExpectationCheck(name: "status.200", expected: "all (10)", observed: "8", passed: false))
        var everything = statistics()
        everything.byStatus = [200: 10]
        everything.servedBy = ["m1.p": 10]
        everything.byVariant = ["v1": 10]
        everything.byCredential = ["env::KEY1": 10]
        everything.fallbackCredential = 10
        everything.attempts = 10
        expect.servedBy = ["m1.p": located(.all)]
        expect.variant = ["v1": located(.all)]
        expect.credential = ["env::KEY1": located(.all)]
        expect.fallbackCredential = located(.all)
        expect.attempts = located(.all)
        let results = checks(expect, statistics: everything)
        XCTAssertEqual(results.count, 6)
        XCTAssertTrue(results.allSatisfy(\.passed), "\(results)")
        XCTAssertTrue(results.allSatisfy { $0.expected == "all (10)" })
    }

    func testAllCountsFailWhenOnlySomeRequestsMatch() {
        var expect = Expectations()
        expect.servedBy = ["m1.p": located(.all)]
        XCTAssertEqual(only(expect)?.passed, false)
        expect = Expectations()
        expect.attempts = located(.all)
        XCTAssertEqual(only(expect), ExpectationCheck(name: "attempts", expected: "all (10)", observed: "13", passed: false))
    }

    func testErrorSubstringMustBeInEveryErrorMessage() {
        var expect = Expectations()
        expect.error = located("All variants failed")
        XCTAssertEqual(only(expect), ExpectationCheck(
            name: "error", expected: "every error contains \"All variants failed\"", observed: "2 distinct errors, all containing it", passed: true
        ))
        expect.error = located("boom")
        XCTAssertEqual(only(expect), ExpectationCheck(
            name: "error", expected: "every error contains \"boom\"", observed: "an error without it: All variants failed with errors: v2: bang",
            passed: false
        ))
    }

    func testErrorSubstringFailsWhenNothingFailed() {
        var clean = statistics()
        clean.errors = [:]
        var expect = Expectations()
        expect.error = located("anything")
        XCTAssertEqual(only(expect, statistics: clean)?.observed, "no errors")
        XCTAssertEqual(only(expect, statistics: clean)?.passed, false)
    }

    func testVariantShareIsOfSuccessesWithinTheDefaultTolerance() {
        XCTAssertEqual(ExpectationEvaluator.defaultTolerance, 0.03)
        var shares = statistics()
        shares.byStatus = [200: 100, 502: 20]
        shares.requests = 120
        shares.byVariant = ["v1": 52, "v2": 48]
        var expect = Expectations()
        expect.variantShare = ["v1": located(0.5), "v2": located(0.45)]
        XCTAssertEqual(checks(expect, statistics: shares), [
            ExpectationCheck(name: "variant_share.v1", expected: "0.5 ± 0.03", observed: "0.52 (52 of 100 successes)", passed: true),
            ExpectationCheck(name: "variant_share.v2", expected: "0.45 ± 0.03", observed: "0.48 (48 of 100 successes)", passed: true),
        ])
        shares.byVariant = ["v1": 54, "v2": 46]
        XCTAssertEqual(checks(expect, statistics: shares).map(\.passed), [false, true])
    }

    func testAnExplicitToleranceReplacesTheDefault() {
        var shares = statistics()
        shares.byStatus = [200: 100]
        shares.byVariant = ["v1": 58, "v2": 42]
        var expect = Expectations()
        expect.variantShare = ["v1": located(0.5)]
        expect.tolerance = located(0.1)
        XCTAssertEqual(only(expect, statistics: shares), ExpectationCheck(
            name: "variant_share.v1", expected: "0.5 ± 0.1", observed: "0.58 (58 of 100 successes)", passed: true
        ))
        expect.tolerance = located(0.0)
        XCTAssertEqual(only(expect, statistics: shares)?.passed, false)
    }

    func testVariantShareFailsWithoutSuccesses() {
        var none = statistics()
        none.byStatus = [502: 10]
        none.byVariant = [:]
        var expect = Expectations()
        expect.variantShare = ["v1": located(0.0)]
        XCTAssertEqual(only(expect, statistics: none), ExpectationCheck(
            name: "variant_share.v1", expected: "0 ± 0.03", observed: "0 (0 of 0 successes)", passed: false
        ))
    }

    func testLatencyPercentilesAreUpperBounds() {
        var expect = Expectations()
        expect.latencyP50Ms = located(50)
        expect.latencyP99Ms = located(99.5)
        XCTAssertEqual(checks(expect), [
            ExpectationCheck(name: "latency_ms.p50", expected: "≤ 50 ms", observed: "50 ms", passed: true),
            ExpectationCheck(name: "latency_ms.p99", expected: "≤ 99.5 ms", observed: "100 ms", passed: false),
        ])
    }

    func testLatencyFailsWithoutRequests() {
        var expect = Expectations()
        expect.latencyP50Ms = located(1_000)
        XCTAssertEqual(only(expect, statistics: PhaseStatistics()), ExpectationCheck(
            name: "latency_ms.p50", expected: "≤ 1000 ms", observed: "no requests", passed: false
        ))
    }

    func testStartupExpectations() {
        var expectOK = Expectations()
        expectOK.startup = located(.ok)
        XCTAssertEqual(checks(expectOK), [ExpectationCheck(name: "startup", expected: "ok", observed: "ok", passed: true)])
        let failed = ExpectationEvaluator(statistics: PhaseStatistics(), startupErrors: ["a.toml:1:1: error[SY0203]: KEY2 is missing", "second"])
        XCTAssertEqual(failed.checks(expectOK), [ExpectationCheck(
            name: "startup", expected: "ok", observed: "error: a.toml:1:1: error[SY0203]: KEY2 is missing; second", passed: false
        )])
        var expectError = Expectations()
        expectError.startup = located(.error)
        XCTAssertEqual(failed.checks(expectError).map(\.passed), [true])
        XCTAssertEqual(checks(expectError).map(\.passed), [false], "the gateway started")
    }

    func testAStartupErrorSubstringImpliesAFailedStart() {
        var expect = Expectations()
        expect.startupError = located("KEY2")
        let failed = ExpectationEvaluator(statistics: PhaseStatistics(), startupErrors: ["a.toml:1:1: error[SY0203]: KEY2 is missing"])
        XCTAssertEqual(failed.checks(expect).map(\.name), ["startup", "startup_error"])
        XCTAssertEqual(failed.checks(expect).map(\.passed), [true, true])
        XCTAssertEqual(failed.checks(expect).last?.expected, "contains \"KEY2\"")
        expect.startupError = located("KEY3")
        XCTAssertEqual(failed.checks(expect).map(\.passed), [true, false])
        expect.startupError = located("KEY2")
        XCTAssertEqual(checks(expect).map(\.passed), [false, false], "the gateway started")
    }

    func testChecksComeInAFixedOrder() {
        var expect = Expectations()
        expect.latencyP99Ms = located(1_000)
        expect.variantShare = ["v1": located(0.6)]
        expect.error = located("failed")
        expect.attempts = located(.exactly(13))
        expect.fallbackCredential = located(.exactly(2))
        expect.credential = ["env::KEY1": located(.exactly(5))]
        expect.variant = ["v2": located(.exactly(3)), "v1": located(.exactly(5))]
        expect.servedBy = ["m1.p": located(.exactly(5))]
        expect.status = ["200": located(.exactly(8))]
        expect.startup = located(.ok)
        XCTAssertEqual(checks(expect).map(\.name), [
            "startup", "status.200", "served_by.m1.p", "variant.v1", "variant.v2", "credential.env::KEY1", "fallback_credential",
            "attempts", "error", "variant_share.v1", "latency_ms.p99",
        ])
    }

    func testNumbersAreFormattedWithAtMostFourDecimals() {
        XCTAssertEqual(format(0.5), "0.5")
        XCTAssertEqual(format(1.0), "1")
        XCTAssertEqual(format(120), "120")
        XCTAssertEqual(format(0.123456), "0.1235")
        XCTAssertEqual(format(0.03), "0.03")
    }
}
