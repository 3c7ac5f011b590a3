import XCTest
@testable import SwitchyardEngine

/// The backoff generator on its own: 1 s doubling, capped at `max_delay_s`, plus jitter below the delay.
final class RetryBackoffTests: XCTestCase {
    func testDelaysStayWithinTheCappedExponentialAndTwiceIt() {
        for seed in UInt64(0)..<50 {
            var backoff = RetryBackoff(seed: seed)
            for retry in 0..<12 {
                let base = min(Nanoseconds(1_000_000_000) << retry, 10_000_000_000)
                let delay = backoff.delay(afterRetry: retry, maxDelaySeconds: 10)
                XCTAssertGreaterThanOrEqual(delay, base, "retry \(retry), seed \(seed)")
                XCTAssertLessThan(delay, 2 * base, "retry \(retry), seed \(seed)")
            }
        }
    }

    func testAFractionalMaxDelayCapsTheFirstDelayToo() {
        var backoff = RetryBackoff(seed: 3)
        let delay = backoff.delay(afterRetry: 0, maxDelaySeconds: 0.25)
        XCTAssertGreaterThanOrEqual(delay, 250_000_000)
        XCTAssertLessThan(delay, 500_000_000)
    }

    func testAZeroMaxDelayRetriesAtOnce() {
        var backoff = RetryBackoff(seed: 3)
        XCTAssertEqual(backoff.delay(afterRetry: 0, maxDelaySeconds: 0), 0)
        XCTAssertEqual(backoff.delay(afterRetry: 5, maxDelaySeconds: 0), 0)
    }

    func testManyRetriesDoNotOverflow() {
        var backoff = RetryBackoff(seed: 9)
        let delay = backoff.delay(afterRetry: 200, maxDelaySeconds: 60)
        XCTAssertGreaterThanOrEqual(delay, 60_000_000_000)
        XCTAssertLessThan(delay, 120_000_000_000)
    }

    func testJitterSpreadsAcrossTheWholeRange() {
        var backoff = RetryBackoff(seed: 11)
        let fractions = (0..<2_000).map { _ in Double(backoff.delay(afterRetry: 0, maxDelaySeconds: 10) - 1_000_000_000) / 1e9 }
        XCTAssertLessThan(fractions.min()!, 0.01)
        XCTAssertGreaterThan(fractions.max()!, 0.99)
        let mean = fractions.reduce(0, +) / Double(fractions.count)
        XCTAssertEqual(mean, 0.5, accuracy: 0.03)
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        // SplitMix64 with seed 0 (Vigna's reference implementation): the first three outputs.
        var random = SplitMix64(seed: 0)
        XCTAssertEqual(random.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(random.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(random.next(), 0x06C4_5D18_8009_454F)
    }

    func testUnitValuesAreInTheHalfOpenInterval() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            let value = random.nextUnit()
            XCTAssertGreaterThanOrEqual(value, 0)
            XCTAssertLessThan(value, 1)
        }
    }
}
