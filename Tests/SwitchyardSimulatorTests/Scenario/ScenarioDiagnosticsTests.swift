import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// Every class of problem a scenario file can have, each with its code, key path and `line:col`, and all of
/// them reported in one run.
final class ScenarioDiagnosticsTests: XCTestCase {
    // MARK: Syntax

    func testTOMLSyntaxError() {
        let outcome = parseScenario("config = \"tz.toml\"\nseed = = 3\n")
        XCTAssertNil(outcome.scenario)
        XCTAssertEqual(outcome.diagnostics.map(\.code), [.tomlSyntax])
        XCTAssertEqual(outcome.diagnostics.first?.location?.line, 2)
        XCTAssertTrue(outcome.diagnostics.first?.message.hasPrefix("Failed to parse scenario file as valid TOML: ") ?? false)
    }

    // MARK: Unknown keys at every level

    func testUnknownTopLevelKeyListsTheExpectedOnes() {
        let outcome = parseScenario(scenarioText(top: "seeds = 3\n"))
        assertOnlyDiagnostic(
            outcome, .unknownField, at: outcome.position(of: "seeds"), path: "seeds",
            messageContains: ["unknown field `seeds`, expected one of `description`, `config`, `seed`, `env`, `upstream`, `phase`"]
        )
    }

    func testUnknownUpstreamKey() {
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"ok\"\nrespnd = \"500\"\n"))
        assertOnlyDiagnostic(
            outcome, .unknownField, at: outcome.position(of: "respnd"), path: "upstream.\"m.p\".respnd",
            messageContains: ["unknown field `respnd`, expected `respond` or `reply`"]
        )
    }

    func testAReplyMustBeAString() {
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"ok\"\nreply = 42\n"))
        assertOnlyDiagnostic(outcome, .wrongType, at: outcome.position(of: "42"), path: "upstream.\"m.p\".reply", messageContains: ["expected a string, found integer"])
    }

    func testAReplyIsWhatTheUpstreamsSuccessesSay() throws {
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"ok\"\nreply = '{\"answer_choice\": 1}'\n"))
        XCTAssertEqual(outcome.diagnostics.map(\.description), [])
        let script = try XCTUnwrap(outcome.scenario?.upstreams["m.p"]?.value)
        XCTAssertEqual(script.reply, #"{"answer_choice": 1}"#)
        XCTAssertEqual(MockUpstreams.response(saying: script.reply).text, #"{"answer_choice": 1}"#)
        XCTAssertEqual(MockUpstreams.response(saying: nil), MockUpstreams.response)
    }

    func testUnknownPhaseKey() {
        let outcome = parseScenario(scenarioText(phase: "send = { function = \"f\" }\nexpected.status = { \"200\" = 1 }\n"))
        assertOnlyDiagnostic(
            outcome, .unknownField, at: outcome.position(of: "expected"), path: "phase[0].expected",
            messageContains: ["unknown field `expected`, expected one of `name`, `upstream`, `revoke`, `env`, `unset`, `send`, `expect`"]
        )
    }

    func testUnknownPhaseUpstreamKey() {
        let outcome = parseScenario(scenarioText(phase: "upstream.\"m.p\" = { respond = \"ok\", delay = 3 }\n"))
        assertOnlyDiagnostic(outcome, .unknownField, at: outcome.position(of: "delay"), path: "phase[0].upstream.\"m.p\".delay")
    }

    func testUnknownSendKey() {
        let outcome = parseScenario(scenarioText(phase: "send = [{ function = \"f\" }, { function = \"f\", cout = 3 }]\n"))
        assertOnlyDiagnostic(
            outcome, .unknownField, at: outcome.position(of: "cout"), path: "phase[0].send[1].cout",
            messageContains: ["unknown field `cout`, expected one of `function`, `model`, `count`, `every`, `episode`, `variant`, `credentials`, `stream`"]
        )
    }

    func testUnknownExpectKey() {
        let outcome = parseScenario(scenarioText(phase: "send = { function = \"f\" }\nexpect.served = { \"m.p\" = 1 }\n"))
        assertOnlyDiagnostic(
            outcome, .unknownField, at: outcome.position(of: "served"), path: "phase[0].expect.served",
            messageContains: ["unknown field `served`, expected one of `status`, `error`, `served_by`, `variant`, `variant_share`, `tolerance`, `p_value`, `credential`, `fallback_credential`, `attempts`, `latency_ms`, `startup`, `startup_error`"]
        )
    }

    func testUnknownLatencyKey() {
        let outcome = parseScenario(scenarioText(phase: "send = { function = \"f\" }\nexpect.latency_ms = { p50 = 1, p95 = 2 }\n"))
        assertOnlyDiagnostic(outcome, .unknownField, at: outcome.position(of: "p95"), path: "phase[0].expect.latency_ms.p95", messageContains: ["expected `p50` or `p99`"])
    }

    // MARK: Missing keys

    func testMissingConfigAndPhase() {
        let outcome = parseScenario("description = \"d\"\n")
        assertDiagnostic(outcome, .missingField, at: ScenarioPosition(line: 1, column: 1), messageContains: ["missing field `config`"])
        assertDiagnostic(outcome, .missingField, at: ScenarioPosition(line: 1, column: 1), messageContains: ["missing field `phase`"])
        XCTAssertEqual(outcome.diagnostics.count, 2)
    }

    func testMissingPhaseName() {
        let outcome = parseScenario("config = \"tz.toml\"\n\n[[phase]]\nsend = { function = \"f\" }\n")
        assertOnlyDiagnostic(outcome, .missingField, at: outcome.position(of: "[[phase]]"), path: "phase[0]", messageContains: ["missing field `name`"])
    }

    func testMissingRespond() {
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\n"))
        assertOnlyDiagnostic(outcome, .missingField, at: outcome.position(of: "[upstream"), path: "upstream.\"m.p\"", messageContains: ["missing field `respond`"])
    }

    func testSendWithoutTarget() {
        let outcome = parseScenario(scenarioText(phase: "send = { count = 2 }\n"))
        assertOnlyDiagnostic(outcome, .missingField, at: outcome.position(of: "{ count"), path: "phase[0].send", messageContains: ["missing field `function` or `model`"])
    }

    // MARK: Wrong types

    func testWrongTypes() {
        let outcome = parseScenario("""
            config = 3
            seed = "1"
            description = true
            env = { A = 1 }
            phase = { name = "p" }
            """)
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "3"), path: "config", messageContains: ["expected a string, found integer"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"1\""), path: "seed", messageContains: ["expected a non-negative integer, found string"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "true"), path: "description")
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "1 }"), path: "env.A", messageContains: ["expected a string, found integer"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "{ name"), path: "phase", messageContains: ["expected an array of tables (`[[phase]]`), found table"])
        XCTAssertEqual(outcome.diagnostics.count, 5)
    }

    func testWrongTypesInAPhase() {
        let outcome = parseScenario(scenarioText(phase: """
            revoke = "env::A"
            unset = [1]
            send = { function = "f", count = "2", every = 10, stream = "yes", credentials = { k = 2 } }
            expect.status = { "200" = 1.5 }
            expect.tolerance = "low"
            """))
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"env::A\""), path: "phase[0].revoke", messageContains: ["expected an array of strings, found string"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "1]"), path: "phase[0].unset[0]")
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"2\""), path: "phase[0].send.count")
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "10,"), path: "phase[0].send.every", messageContains: ["expected a duration string such as \"10ms\", found integer"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"yes\""), path: "phase[0].send.stream", messageContains: ["expected a boolean, found string"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "2 }"), path: "phase[0].send.credentials.k")
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "1.5"), path: "phase[0].expect.status.200", messageContains: ["expected a non-negative integer or \"all\", found float"])
        assertDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"low\""), path: "phase[0].expect.tolerance")
        XCTAssertEqual(outcome.diagnostics.count, 8)
    }

    func testSendMustBeATableOrArrayOfTables() {
        let outcome = parseScenario(scenarioText(phase: "send = \"f\"\n"))
        assertOnlyDiagnostic(outcome, .wrongType, at: outcome.position(of: "\"f\""), path: "phase[0].send", messageContains: ["expected a table or an array of tables, found string"])
        let element = parseScenario(scenarioText(phase: "send = [\"f\"]\n"))
        assertOnlyDiagnostic(element, .wrongType, at: element.position(of: "\"f\""), path: "phase[0].send[0]", messageContains: ["expected a table, found string"])
    }

    // MARK: Invalid values

    func testNegativeSeedAndEmptyConfig() {
        let outcome = parseScenario("config = \" \"\nseed = -1\n[[phase]]\nname = \"p\"\n")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\" \""), path: "config", messageContains: ["`config` is empty"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "-1"), path: "seed", messageContains: ["expected a non-negative integer, found -1"])
    }

    func testNoPhases() {
        let outcome = parseScenario("config = \"tz.toml\"\nphase = []\n")
        assertOnlyDiagnostic(outcome, .invalidValue, at: outcome.position(of: "[]"), path: "phase", messageContains: ["at least one `[[phase]]`"])
    }

    func testPhaseNamesMustBeUniqueAndNonEmpty() {
        let outcome = parseScenario("config = \"tz.toml\"\n[[phase]]\nname = \"a\"\n[[phase]]\nname = \"\"\n[[phase]]\nname = \"a\"\n")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"\""), path: "phase[1].name", messageContains: ["cannot be empty"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"a\"", occurrence: 2), path: "phase[2].name", messageContains: ["phase name \"a\" is used twice"])
        XCTAssertEqual(outcome.diagnostics.last?.notes, ["first used at \(demoScenarioFile):3:8"])
        XCTAssertEqual(outcome.diagnostics.count, 2)
    }

    func testUpstreamNames() {
        let bare = parseScenario(scenarioText(top: "[upstream.gpt]\nrespond = \"ok\"\n"))
        assertOnlyDiagnostic(bare, .invalidValue, at: bare.position(of: "gpt"), path: "upstream.gpt", messageContains: ["`gpt` is not an upstream name; expected `MODEL.PROVIDER`"])
        let unquoted = parseScenario(scenarioText(top: "[upstream.gpt_4o_mini_1.openai]\nrespond = \"ok\"\n"))
        assertOnlyDiagnostic(
            unquoted, .invalidValue, at: unquoted.position(of: "gpt_4o"), path: "upstream.gpt_4o_mini_1",
            messageContains: ["TOML split `gpt_4o_mini_1.openai` at its dot; quote the key, as in `upstream.\"gpt_4o_mini_1.openai\"`"]
        )
        assertClean(parseScenario(scenarioText(top: "[upstream.\"openai::gpt-4o-mini\"]\nrespond = \"ok\"\n")))
    }

    func testSendValues() {
        let outcome = parseScenario(scenarioText(phase: """
            send = [
              { function = "f", model = "m" },
              { function = "f", count = 0 },
              { function = "f", episode = "fixed" },
              { function = "f", episode = "0196f0c4-5a4e-7c3b-9d2e" },
            ]
            """))
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"m\""), path: "phase[0].send[0].model", messageContains: ["either `function` or `model`, not both"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "0 }"), path: "phase[0].send[1].count", messageContains: ["`count` must be at least 1"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"fixed\""), path: "phase[0].send[2].episode", messageContains: ["expected \"random\", \"shared\" or a UUID", "found \"fixed\""])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"0196"), path: "phase[0].send[3].episode")
        XCTAssertEqual(outcome.diagnostics.count, 4)
        let empty = parseScenario(scenarioText(phase: "send = []\n"))
        assertOnlyDiagnostic(empty, .invalidValue, at: empty.position(of: "[]"), path: "phase[0].send", messageContains: ["`send = []` sends nothing"])
    }

    func testEnvironmentOverrides() {
        let outcome = parseScenario(scenarioText(top: "[env]\nA = \"1\"\nB = \"2\"\n", phase: "env = { B = \"3\" }\nunset = [\"A\", \"B\", \"C\"]\n"))
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"B\","), path: "phase[0].unset[1]", messageContains: ["`B` is both set in this phase's `env` and unset"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"C\""), path: "phase[0].unset[2]", messageContains: ["`C` is not set in the top-level `[env]`, so unsetting it changes nothing"])
        XCTAssertEqual(outcome.diagnostics.count, 2)
    }

    func testRevokedLocations() {
        let outcome = parseScenario(scenarioText(top: "[env]\nA = \"1\"\nB = \"2\"\n", phase: """
            env = { C = "3" }
            unset = ["B"]
            revoke = ["env::A", "env::C", "dynamic::k", "env:A", "none", "env::B", "env::Z", "dynamic::other", "dynamic::"]
            send = { function = "f", credentials = { k = "v" } }
            """))
        assertDiagnostic(outcome, .invalidCredentialLocation, at: outcome.position(of: "\"env:A\""), path: "phase[0].revoke[3]", messageContains: ["Invalid credential location format: `env:A`"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"none\""), path: "phase[0].revoke[4]", messageContains: ["`revoke` takes `env::`, `dynamic::`, `path::` or `path_from_env::` locations or `sdk`, found `none`"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"env::B\""), path: "phase[0].revoke[5]", messageContains: ["`B` is not set in this phase's environment"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"env::Z\""), path: "phase[0].revoke[6]")
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"dynamic::other\""), path: "phase[0].revoke[7]", messageContains: ["no `send` of this phase passes `credentials.other`"])
        assertDiagnostic(outcome, .invalidValue, at: outcome.position(of: "\"dynamic::\""), path: "phase[0].revoke[8]", messageContains: ["names no key"])
        XCTAssertEqual(outcome.diagnostics.count, 6)
    }

    // MARK: Respond scripts and durations

    func testBadStepIsReportedAtItsColumnInsideTheString() {
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"okx9 5OO loop\"\n"))
        assertOnlyDiagnostic(
            outcome, .respondScriptInvalid, at: outcome.position(of: "5OO"), path: "upstream.\"m.p\".respond",
            messageContains: ["step `5OO`: unknown outcome `5OO`"]
        )
        XCTAssertEqual(outcome.diagnostics.first?.code.rawValue, "SY0801")
    }

    func testEveryBadStepIsReportedAtItsOwnColumn() {
        let outcome = parseScenario(scenarioText(phase: "upstream.\"m.p\".respond = 'ok@1h 200 x2'\nsend = { function = \"f\" }\n"))
        XCTAssertEqual(outcome.diagnostics.map(\.code), [.respondScriptInvalid, .respondScriptInvalid, .respondScriptInvalid])
        for (step, diagnostic) in zip(["ok@1h", "200", "x2"], outcome.diagnostics) {
            let position = outcome.position(of: step)
            XCTAssertEqual(diagnostic.location?.line, position.line, step)
            XCTAssertEqual(diagnostic.location?.column, position.column, step)
            XCTAssertEqual(diagnostic.keyPath, "phase[0].upstream.\"m.p\".respond")
        }
    }

    /// Found by the scenario fuzz test: each bad step used to rescan the whole line for its column, so a
    /// 100 KB script of 20,000 bad steps took minutes.
    func testAScriptOfThousandsOfBadStepsIsReportedInLinearTime() {
        let script = String(repeating: "{x = ", count: 20_000)
        let started = Date()
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"\(script)\"\n"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(outcome.diagnostics.count, 40_000)
        XCTAssertEqual(outcome.diagnostics.last?.location?.column, 11 + script.unicodeScalars.count - 1)
    }

    func testStringsWithEscapesPointAtTheStringStart() {
        let escaped = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"ok\\t700\"\n"))
        assertOnlyDiagnostic(escaped, .respondScriptInvalid, at: escaped.position(of: "\"ok\\t"), messageContains: ["step `700`"])
        let multiline = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"\"\"\nok\n700\"\"\"\n"))
        assertOnlyDiagnostic(multiline, .respondScriptInvalid, at: multiline.position(of: "\"\"\""), messageContains: ["step `700`"])
    }

    func testEmptyScript() {
        let outcome = parseScenario(scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"\"\n"))
        assertOnlyDiagnostic(outcome, .respondScriptInvalid, at: outcome.position(of: "\"\""), messageContains: ["the script is empty"])
    }

    func testBadEvery() {
        let outcome = parseScenario(scenarioText(phase: "send = { function = \"f\", every = \"10 ms\" }\n"))
        assertOnlyDiagnostic(outcome, .durationInvalid, at: outcome.position(of: "\"10 ms\""), path: "phase[0].send.every", messageContains: ["`10 ms` has a space before its unit; write `10ms`"])
        XCTAssertEqual(outcome.diagnostics.first?.code.rawValue, "SY0802")
    }

    // MARK: All at once

    func testEveryProblemIsReportedInOneRun() {
        let text = """
            config = "tensorzero.toml"
            seed = -4
            colour = "blue"

            [upstream."m.p"]
            respond = "ok@fast"

            [[phase]]
            name = "one"
            send = { function = "f", every = "1x" }
            expect.status = { "2000" = 1 }

            [[phase]]
            name = "one"
            send = { model = "m", count = 0 }
            expect.variant_share = { a = 1.5 }
            """
        let outcome = parseScenario(text)
        XCTAssertNil(outcome.scenario)
        let found = outcome.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.code.rawValue)" }
        XCTAssertEqual(found, [
            "2:8 SY0104", "3:1 SY0101", "6:12 SY0801", "10:34 SY0802", "11:19 SY0104", "14:8 SY0104", "15:31 SY0104", "16:30 SY0104",
        ])
        XCTAssertEqual(outcome.position(of: "fast", plus: -3), ScenarioPosition(line: 6, column: 12), "the bad step starts inside the string")
    }

    func testDiagnosticsPrintWithFileLineAndColumn() {
        let outcome = parseScenario(scenarioText(phase: "send = { function = \"f\", every = \"soon\" }\n"))
        XCTAssertEqual(
            outcome.diagnostics.map(\.description),
            ["\(demoScenarioFile):5:34: error[SY0802]: `phase[0].send.every`: `soon` is not a duration; expected a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)"]
        )
    }
}
