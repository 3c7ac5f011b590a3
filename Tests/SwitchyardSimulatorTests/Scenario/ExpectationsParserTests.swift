import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// A phase's `expect` table: counts, shares, latency and startup, and the combinations no run could meet.
final class ExpectationsParserTests: XCTestCase {
    private func phase(_ body: String, send: String = "send = { function = \"f\", count = 10 }\n") -> ScenarioOutcome {
        parseScenario(scenarioText(phase: send + body))
    }

    func testCountsAreIntegersOrAll() throws {
        let outcome = phase("expect.status = { \"200\" = 7, \"429\" = 3 }\nexpect.attempts = 12\nexpect.fallback_credential = \"all\"\n")
        assertClean(outcome)
        let expectations = try XCTUnwrap(outcome.scenario?.phases.first?.expectations)
        XCTAssertEqual(expectations.status.mapValues(\.value), ["200": .exactly(7), "429": .exactly(3)])
        XCTAssertEqual(expectations.status["429"]?.location, SourceLocation(file: demoScenarioFile, line: 6, column: 30), "located at the key")
        XCTAssertEqual(expectations.attempts?.location, SourceLocation(file: demoScenarioFile, line: 7, column: 19))
        XCTAssertEqual(expectations.attempts?.value, .exactly(12), "attempts may exceed the requests (retries, fallbacks)")
        XCTAssertEqual(expectations.fallbackCredential?.value, .all)
    }

    func testBadCounts() {
        let outcome = phase("expect.status = { \"200\" = -1, \"500\" = \"most\" }\nexpect.attempts = true\n")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "-1"), path: "phase[0].expect.status.200", messageContains: ["expected a non-negative integer or \"all\", found -1"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"most\""), path: "phase[0].expect.status.500", messageContains: ["found \"most\""])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "true"), path: "phase[0].expect.attempts", messageContains: ["found boolean"])
        XCTAssertEqual(outcome.diagnostics.count, 3)
    }

    func testCountTableKeys() {
        let outcome = phase("""
            expect.status = { "20" = 1, ok = 1 }
            expect.served_by = { gpt = 1, "m.p" = 1, "openai::gpt-4o" = 1 }
            expect.credential = { "env:K" = 1, "env::K" = 1, sdk = 1 }
            expect.variant = { any_name = 1 }
            """)
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"20\""), path: "phase[0].expect.status.20", messageContains: ["`20` is not an HTTP status"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "ok ="), path: "phase[0].expect.status.ok")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "gpt ="), path: "phase[0].expect.served_by.gpt", messageContains: ["`gpt` is not an upstream name"])
        assertDiagnostic(outcome, .invalidCredentialLocation, at: outcome.position(of: "\"env:K\""), path: "phase[0].expect.credential.\"env:K\"")
        XCTAssertEqual(outcome.diagnostics.count, 4)
    }

    func testCountsNoRunCouldMeet() {
        let outcome = phase("""
            expect.status = { "200" = 11 }
            expect.served_by = { "a.p" = 6, "b.p" = 5 }
            expect.variant = { a = "all", b = 0, c = 2 }
            expect.fallback_credential = 20
            """)
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "11"), path: "phase[0].expect.status.200", messageContains: ["expects 11, but the phase sends only 10 requests"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "{ \"a.p\""), path: "phase[0].expect.served_by", messageContains: ["the counts add up to 11, but the phase sends only 10 requests"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "2 }"), path: "phase[0].expect.variant.c", messageContains: ["`a` expects all requests, which leaves none for `c`"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "= 20", plus: 2), path: "phase[0].expect.fallback_credential", messageContains: ["expects 20, but the phase sends only 10 requests"])
        XCTAssertEqual(outcome.diagnostics.count, 4)
    }

    func testTotalsAddUpOverEverySend() {
        assertClean(phase("expect.status = { \"200\" = 13 }\n", send: "send = [{ function = \"f\", count = 10 }, { model = \"m\", count = 3 }]\n"))
        let over = phase("expect.status = { \"200\" = 14 }\n", send: "send = [{ function = \"f\", count = 10 }, { model = \"m\", count = 3 }]\n")
        assertOnlyDiagnostic(over, .invalidValue, at: over.position(of: "14"), messageContains: ["but the phase sends only 13 requests"])
    }

    func testVariantShares() {
        let outcome = phase("expect.variant_share = { a = 0.7, b = 0.6, c = -0.1, d = \"half\" }\n")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "-0.1"), path: "phase[0].expect.variant_share.c", messageContains: ["a share lies between 0 and 1, found -0.1"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"half\""), path: "phase[0].expect.variant_share.d")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "{ a"), path: "phase[0].expect.variant_share", messageContains: ["the shares add up to"])
        XCTAssertEqual(outcome.diagnostics.count, 3)
        assertClean(phase("expect.variant_share = { a = 1, b = 0 }\n"))
    }

    func testToleranceNeedsSharesAndIsNotNegative() {
        let alone = phase("expect.tolerance = 0.05\n")
        assertOnlyDiagnostic(alone, .invalidValue, at: alone.position(of: "0.05"), path: "phase[0].expect.tolerance", messageContains: ["only applies to `variant_share`"])
        let negative = phase("expect.variant_share = { a = 0.5 }\nexpect.tolerance = -0.1\n")
        assertOnlyDiagnostic(negative, .invalidValue, at: negative.position(of: "-0.1"), messageContains: ["at least 0"])
        let defaulted = phase("expect.variant_share = { a = 0.5 }\n")
        assertClean(defaulted)
        XCTAssertNil(defaulted.scenario?.phases.first?.expectations.tolerance, "the evaluator applies the default")
    }

    func testPValueNeedsSharesAndLiesBetweenZeroAndOne() {
        let alone = phase("expect.p_value = 0.01\n")
        assertOnlyDiagnostic(alone, .invalidValue, at: alone.position(of: "0.01"), path: "phase[0].expect.p_value", messageContains: ["tests `variant_share`"])
        let outside = phase("expect.variant_share = { a = 0.5 }\nexpect.p_value = 1.5\n")
        assertOnlyDiagnostic(outside, .invalidValue, at: outside.position(of: "1.5"), messageContains: ["between 0 and 1"])
        let valid = phase("expect.variant_share = { a = 0.5, b = 0.5 }\nexpect.p_value = 0.01\n")
        assertClean(valid)
        XCTAssertEqual(valid.scenario?.phases.first?.expectations.pValue?.value, 0.01)
    }

    func testLatency() throws {
        let outcome = phase("expect.latency_ms = { p99 = 250 }\n")
        assertClean(outcome)
        XCTAssertNil(outcome.scenario?.phases.first?.expectations.latencyP50Ms)
        XCTAssertEqual(outcome.scenario?.phases.first?.expectations.latencyP99Ms?.value, 250)
        let bad = phase("expect.latency_ms = { p50 = -3, p99 = \"fast\" }\n")
        assertDiagnostic(bad, .invalidValue, at: bad.position(of: "-3"), path: "phase[0].expect.latency_ms.p50")
        assertDiagnostic(bad, .wrongType, at: bad.position(of: "\"fast\""), path: "phase[0].expect.latency_ms.p99")
        let empty = phase("expect.latency_ms = {}\n")
        assertOnlyDiagnostic(empty, .invalidValue, at: empty.position(of: "{}"), messageContains: ["names no percentile"])
        let scalar = phase("expect.latency_ms = 120\n")
        assertOnlyDiagnostic(scalar, .wrongType, at: scalar.position(of: "120"), path: "phase[0].expect.latency_ms")
    }

    func testStartup() {
        let bad = phase("expect.startup = \"failed\"\n", send: "")
        assertOnlyDiagnostic(bad, .invalidValue, at: bad.position(of: "\"failed\""), path: "phase[0].expect.startup", messageContains: ["expected \"ok\" or \"error\", found \"failed\""])
        let contradiction = phase("expect.startup = \"ok\"\nexpect.startup_error = \"missing\"\n", send: "")
        assertOnlyDiagnostic(contradiction, .invalidValue, at: contradiction.position(of: "\"missing\""), path: "phase[0].expect.startup_error", messageContains: ["but `startup` is \"ok\""])
        let failedWithSend = phase("expect.startup = \"error\"\n")
        assertOnlyDiagnostic(failedWithSend, .invalidValue, at: failedWithSend.position(of: "\"error\""), path: "phase[0].expect.startup", messageContains: ["cannot serve this phase's `send`"])
        let impliedWithSend = phase("expect.startup_error = \"missing\"\n")
        assertOnlyDiagnostic(impliedWithSend, .invalidValue, at: impliedWithSend.position(of: "\"missing\""), path: "phase[0].expect.startup_error")
        let explicit = phase("expect.startup = \"error\"\nexpect.startup_error = \"missing\"\n", send: "")
        assertClean(explicit)
        XCTAssertEqual(explicit.scenario?.phases.first?.expectations.startup?.location.line, 5)
    }

    func testEmptySubstringsMatchNothingUseful() {
        let outcome = phase("expect.error = \"\"\n")
        assertOnlyDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"\""), path: "phase[0].expect.error", messageContains: ["an empty `error` matches every message"])
    }

    func testRequestExpectationsNeedASend() {
        let outcome = phase("expect.status = { \"200\" = \"all\" }\nexpect.attempts = 0\nexpect.startup = \"ok\"\n", send: "")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "status"), path: "phase[0].expect.status", messageContains: ["`expect.status` checks requests, but this phase has no `send`"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "attempts"), path: "phase[0].expect.attempts")
        XCTAssertEqual(outcome.diagnostics.count, 2)
    }

    func testExpectMustBeATable() {
        let outcome = phase("expect = \"200\"\n")
        assertOnlyDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"200\""), path: "phase[0].expect", messageContains: ["expected a table, found string"])
    }
}
