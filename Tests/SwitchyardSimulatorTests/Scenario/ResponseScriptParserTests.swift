import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// `respond` scripts: every step form, `loop`, step lookup, and errors that point at the bad step.
final class ResponseScriptParserTests: XCTestCase {
    private func script(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ResponseScript? {
        let (script, problems) = ResponseScriptParser.parse(text)
        XCTAssertEqual(problems, [], file: file, line: line)
        return script
    }

    private func problems(_ text: String) -> [ResponseScriptParser.Problem] {
        let (script, problems) = ResponseScriptParser.parse(text)
        XCTAssertNil(script)
        return problems
    }

    func testEveryOutcome() {
        XCTAssertEqual(script("ok")?.steps, [.init(outcome: .ok, latency: 0, count: 1)])
        XCTAssertEqual(script("timeout")?.steps.first?.outcome, .timeout)
        XCTAssertEqual(script("reset")?.steps.first?.outcome, .reset)
        XCTAssertEqual(script("garbage")?.steps.first?.outcome, .garbage)
        XCTAssertEqual(script("400")?.steps.first?.outcome, .status(400))
        XCTAssertEqual(script("429")?.steps.first?.outcome, .status(429))
        XCTAssertEqual(script("599")?.steps.first?.outcome, .status(599))
        XCTAssertEqual(script("ok")?.loops, false)
    }

    func testDurationAndCountForms() {
        XCTAssertEqual(script("ok@120ms")?.steps, [.init(outcome: .ok, latency: 120_000_000, count: 1)])
        XCTAssertEqual(script("500x3")?.steps, [.init(outcome: .status(500), latency: 0, count: 3)])
        XCTAssertEqual(script("503@1.5sx2")?.steps, [.init(outcome: .status(503), latency: 1_500_000_000, count: 2)])
        XCTAssertEqual(script("reset@250us")?.steps, [.init(outcome: .reset, latency: 250_000, count: 1)])
        XCTAssertEqual(script("garbage@2mx10")?.steps, [.init(outcome: .garbage, latency: 120_000_000_000, count: 10)])
        XCTAssertEqual(script("timeoutx4")?.steps, [.init(outcome: .timeout, latency: 0, count: 4)])
    }

    func testSeveralStepsAndWhitespace() {
        XCTAssertEqual(script("  500x2\tok@10ms \n 429  ")?.steps, [
            .init(outcome: .status(500), latency: 0, count: 2), .init(outcome: .ok, latency: 10_000_000, count: 1),
            .init(outcome: .status(429), latency: 0, count: 1),
        ])
    }

    func testLoopRepeatsTheWholeScript() throws {
        let every10th = try XCTUnwrap(script("okx9 500 loop"))
        XCTAssertTrue(every10th.loops)
        XCTAssertEqual(every10th.steps, [.init(outcome: .ok, latency: 0, count: 9), .init(outcome: .status(500), latency: 0, count: 1)])
        let outcomes = (0..<30).map { every10th.step(at: $0).outcome }
        XCTAssertEqual(outcomes.indices.filter { outcomes[$0] == .status(500) }, [9, 19, 29])
        XCTAssertEqual(outcomes.filter { $0 == .ok }.count, 27)
    }

    func testWithoutLoopTheLastStepRepeats() throws {
        let script = try XCTUnwrap(script("500x2 ok@5ms"))
        XCTAssertFalse(script.loops)
        XCTAssertEqual((0..<5).map { script.step(at: $0).outcome }, [.status(500), .status(500), .ok, .ok, .ok])
        XCTAssertEqual(script.step(at: 1_000_000).latency, 5_000_000)
    }

    func testProblemsNameTheStepAndItsOffset() {
        XCTAssertEqual(problems("ok 200"), [.init(offset: 3, message: "step `200`: status 200 is a success; write `ok` (outcome statuses are errors, 400–599)")])
        XCTAssertEqual(problems("600").first?.message, "step `600`: status `600` is not an error status; expected `ok`, an HTTP status 400–599, `timeout`, `reset` or `garbage`")
        XCTAssertEqual(problems("OK").first?.message, "step `OK`: unknown outcome `OK`; expected `ok`, an HTTP status 400–599, `timeout`, `reset` or `garbage`")
        XCTAssertEqual(problems("ok x3").first?.message, "step `x3`: no outcome before `@` or `x`; expected `ok`, an HTTP status 400–599, `timeout`, `reset` or `garbage`")
        XCTAssertEqual(problems("ok@").first?.message, "step `ok@`: no duration after `@`; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problems("ok@5h").first?.message, "step `ok@5h`: `5h` has an unknown unit `h`; expected `us`, `ms`, `s` or `m`")
        XCTAssertEqual(problems("ok@120").first?.message, "step `ok@120`: `120` has no unit; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)")
        XCTAssertEqual(problems("okx0").first?.message, "step `okx0`: count must be at least 1, found `x0`")
        XCTAssertEqual(problems("okx").first?.message, "step `okx`: `` after `x` is not a count; expected a whole number of at least 1")
        XCTAssertEqual(problems("okx-1").first?.message, "step `okx-1`: `-1` after `x` is not a count; expected a whole number of at least 1")
        XCTAssertEqual(problems("okx3@5ms").first?.message, "step `okx3@5ms`: the duration comes before the count, as in `ok@120msx3`")
        XCTAssertEqual(problems("okx99999999999").first?.message, "step `okx99999999999`: count `99999999999` is too large; the limit is 1000000000")
        XCTAssertEqual(problems("timeout@5s").first?.message, "step `timeout@5s`: `timeout` never answers, so it takes no `@DURATION`")
        XCTAssertEqual(problems("ok,500").first?.message, "step `ok,500`: unknown outcome `ok,500`; expected `ok`, an HTTP status 400–599, `timeout`, `reset` or `garbage`")
    }

    func testLoopPlacement() {
        XCTAssertEqual(problems("loop ok"), [.init(offset: 0, message: "`loop` can only be the last word of the script")])
        XCTAssertEqual(problems("ok loop loop"), [.init(offset: 3, message: "`loop` can only be the last word of the script")])
        XCTAssertEqual(problems("loop"), [.init(offset: 0, message: "`loop` needs at least one step before it")])
        XCTAssertEqual(problems("   "), [.init(offset: nil, message: "the script is empty; expected steps `OUTCOME[@DURATION][xCOUNT]` such as `ok@120ms`")])
    }

    func testEveryBadStepIsReported() {
        XCTAssertEqual(problems("ok 700 reset@1q okx0 loop").map(\.offset), [3, 7, 16])
    }

    func testOffsetsCountUnicodeScalars() {
        XCTAssertEqual(problems("ok é").map(\.offset), [3])
        XCTAssertEqual(problems("🙂 x").map(\.offset), [0, 2])
    }
}
