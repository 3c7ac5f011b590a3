import XCTest
import SwitchyardConfig
import SwitchyardReports
@testable import SwitchyardSimulator

/// `expect.p_value`: Pearson's chi-square test of the variant counts against `variant_share`.
final class ChiSquareTestTests: XCTestCase {
    func testKnownStatisticsAndPValues() throws {
        let even = try XCTUnwrap(ChiSquareTest(observed: [50, 50], shares: [0.5, 0.5]))
        XCTAssertEqual(even.statistic, 0)
        XCTAssertEqual(even.pValue, 1, accuracy: 1e-12)
        // χ² = 4 with one degree of freedom: P = 0.0455 (tables: 0.04550).
        let skewed = try XCTUnwrap(ChiSquareTest(observed: [60, 40], shares: [0.5, 0.5]))
        XCTAssertEqual(skewed.statistic, 4, accuracy: 1e-12)
        XCTAssertEqual(skewed.degreesOfFreedom, 1)
        XCTAssertEqual(skewed.pValue, 0.0455003, accuracy: 1e-6)
        // With two degrees of freedom the tail is exp(-x/2).
        let three = try XCTUnwrap(ChiSquareTest(observed: [30, 50, 20], shares: [0.4, 0.4, 0.2]))
        XCTAssertEqual(three.statistic, 100.0 / 40 + 100.0 / 40, accuracy: 1e-12)
        XCTAssertEqual(three.pValue, exp(-2.5), accuracy: 1e-9)
        // Large statistics use the continued fraction: χ² = 30 with 3 df → 1.380057e-6 (erfc(√15) + √(60/π)·e^-15).
        XCTAssertEqual(ChiSquareTest.upperRegularizedGamma(1.5, 15), 1.3800570e-6, accuracy: 1e-12)
    }

    func testNothingToTestWithoutTwoCategoriesOrCounts() {
        XCTAssertNil(ChiSquareTest(observed: [10, 0], shares: [1, 0]))
        XCTAssertNil(ChiSquareTest(observed: [0, 0], shares: [0.5, 0.5]))
    }

    /// A 51.5/48.5 split of 10,000 is within a 0.03 tolerance, yet no fair 50/50 sampler produces it.
    func testASamplingBiasWithinToleranceFailsTheTest() {
        var expect = Expectations()
        expect.variantShare = ["v1": located(0.5), "v2": located(0.5)]
        expect.tolerance = located(0.03)
        expect.pValue = located(0.01)
        let biased = ExpectationEvaluator(statistics: statistics(v1: 5150, v2: 4850), startupErrors: []).checks(expect)
        XCTAssertEqual(biased.filter(\.passed).map(\.name), ["variant_share.v1", "variant_share.v2"])
        XCTAssertEqual(biased.last, ExpectationCheck(
            name: "variant_share.p_value", expected: "p ≥ 0.01 (chi-square over 2 categories)",
            observed: "p = 0.0027 (χ² = 9, 1 df, 10000 successes)", passed: false
        ))
        let fair = ExpectationEvaluator(statistics: statistics(v1: 5050, v2: 4950), startupErrors: []).checks(expect)
        XCTAssertTrue(fair.allSatisfy(\.passed), "\(fair)")
    }

    /// Successes on a variant the shares leave nothing for cannot come from those shares.
    func testUnlistedVariantsFormOneMoreCategory() {
        var expect = Expectations()
        expect.variantShare = ["v1": located(0.5), "v2": located(0.5)]
        expect.pValue = located(0.01)
        var stats = statistics(v1: 500, v2: 490)
        stats.byVariant["v3"] = 10
        stats.byStatus = [200: 1000]
        let check = ExpectationEvaluator(statistics: stats, startupErrors: []).checks(expect).last
        XCTAssertEqual(check?.observed, "successes on variants expected to get none")
        XCTAssertEqual(check?.passed, false)
    }

    private func statistics(v1: Int, v2: Int) -> PhaseStatistics {
        var statistics = PhaseStatistics()
        statistics.requests = v1 + v2
        statistics.byStatus = [200: v1 + v2]
        statistics.byVariant = ["v1": v1, "v2": v2]
        return statistics
    }
}
