import Foundation
import XCTest
import SwitchyardConfig
import SwitchyardReports
@testable import SwitchyardSimulator

/// Running scenarios against configs on disk: gateway restarts, failed starts, phase-only overrides, scenario
/// errors, seeds and traces.
final class ScenarioRunnerTests: XCTestCase {
    private let header = """
        config = "tensorzero.toml"
        seed = 3

        [env]
        KEY1 = "sk-secret-one"
        KEY2 = "sk-secret-two"

        """

    func testAPhaseChecksEveryExpectationAndReportsTheOnesThatFail() throws {
        let report = try runScenario(config: twoKeyConfig, scenario: header + """
            [[phase]]
            name = "healthy"
            send = { function = "f", count = 400 }
            expect.status = { "200" = "all" }
            expect.attempts = "all"
            expect.variant_share = { v1 = 0.5, v2 = 0.5 }
            expect.tolerance = 0.08
            expect.credential = { "env::KEY1" = 0, "env::KEY3" = 0 }
            """)
        XCTAssertEqual(report.errors, [])
        let phase = try XCTUnwrap(report.phases.first)
        XCTAssertEqual(phase.name, "healthy")
        XCTAssertEqual(phase.requests, 400)
        XCTAssertNil(phase.error)
        XCTAssertEqual(phase.checks.map(\.name), [
            "status.200", "credential.env::KEY1", "credential.env::KEY3", "attempts", "variant_share.v1", "variant_share.v2",
        ])
        XCTAssertEqual(phase.checks.first { $0.name == "credential.env::KEY1" }?.passed, false, "v1 served some requests with KEY1")
        XCTAssertEqual(phase.checks.first { $0.name == "credential.env::KEY3" }?.passed, true)
        XCTAssertEqual(phase.failedChecks.map(\.name), ["credential.env::KEY1"])
    }

    func testTheGatewayRestartsWhenAPhaseChangesTheEnvironmentAndAgainWhenItIsRestored() throws {
        let report = try runScenario(config: twoKeyConfig, scenario: header + """
            [[phase]]
            name = "key 2 unset"
            unset = ["KEY2"]
            expect.startup = "error"
            expect.startup_error = "Environment variable `KEY2` is missing"

            [[phase]]
            name = "back to the top-level environment"
            send = { function = "f", count = 50 }
            expect.status = { "200" = "all" }
            """)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.phases.count, 2)
        for phase in report.phases { XCTAssertEqual(failures(phase), [], phase.name) }
        XCTAssertEqual(report.phases[1].requests, 50)
    }

    func testARestartLoadsThePhasesCredentialValues() throws {
        // The phase rotates KEY2 and revokes the rotated value: only a gateway restarted with the new value sends
        // it, so every m2 attempt gets 401 and v2's requests fall back to v1.
        let report = try runScenario(config: twoKeyConfig, scenario: header + """
            [[phase]]
            name = "rotated and revoked"
            env = { KEY2 = "sk-rotated" }
            revoke = ["env::KEY2"]
            send = { function = "f", count = 100 }
            expect.status = { "200" = "all" }
            expect.served_by = { "m1.p" = "all" }
            expect.credential = { "env::KEY1" = "all" }

            [[phase]]
            name = "original key again"
            send = { function = "f", count = 100 }
            expect.status = { "200" = "all" }
            expect.attempts = "all"
            """)
        XCTAssertEqual(report.errors, [])
        for phase in report.phases { XCTAssertEqual(failures(phase), [], phase.name) }
    }

    func testPhaseUpstreamOverridesApplyToThatPhaseOnly() throws {
        let report = try runScenario(config: twoKeyConfig, scenario: header + """
            [[phase]]
            name = "m2 down"
            upstream."m2.p".respond = "500"
            send = { function = "f", count = 100 }
            expect.served_by = { "m1.p" = "all" }
            expect.variant = { v2 = 0 }

            [[phase]]
            name = "m2 back"
            send = { function = "f", count = 100 }
            expect.attempts = "all"
            expect.variant = { v2 = 0 }
            """)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(failures(report.phases[0]), [])
        XCTAssertEqual(report.phases[1].failedChecks.map(\.name), ["variant.v2"], "m2 serves again in the next phase")
    }

    func testAMissingVariableAtStartupIsAFailedStartNotAScenarioError() throws {
        let report = try runScenario(config: twoKeyConfig, scenario: """
            config = "tensorzero.toml"

            [env]
            KEY1 = "sk-one"

            [[phase]]
            name = "expected failure"
            expect.startup_error = "KEY2"

            [[phase]]
            name = "unexpected failure"
            send = { function = "f", count = 5 }
            expect.status = { "200" = "all" }
            """)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(failures(report.phases[0]), [])
        let unexpected = report.phases[1]
        XCTAssertEqual(unexpected.requests, 0)
        let error = try XCTUnwrap(unexpected.error)
        XCTAssertTrue(error.hasPrefix("the gateway failed to start, so no request was sent:\n"), error)
        XCTAssertTrue(error.contains("Environment variable `KEY2` is missing"), error)
        XCTAssertEqual(unexpected.summary.first, "gateway failed to start: 1 error(s)")
    }

    func testAnUnknownUpstreamIsAScenarioErrorReportedOnce() throws {
        let report = try runScenario(config: twoKeyConfig, scenario: header + """
            [upstream."m9.p"]
            respond = "500"

            [[phase]]
            name = "one"
            upstream."m1.nope".respond = "500"
            send = { function = "f", count = 5 }

            [[phase]]
            name = "two"
            send = { function = "f", count = 5 }
            """)
        XCTAssertEqual(report.errors.filter { $0.contains("no provider `m9.p` in the config") }.count, 1, "\(report.errors)")
        XCTAssertEqual(report.errors.filter { $0.contains("no provider `m1.nope` in the config") }.count, 1, "\(report.errors)")
        XCTAssertTrue(report.errors.allSatisfy { $0.contains("error[SY0803]") && $0.contains("test.scenario.toml:") }, "\(report.errors)")
    }

    func testAnUnknownUpstreamIsReportedEvenWhenNoPhaseSendsTraffic() throws {
        let report = try runScenario(config: twoKeyConfig, scenario: header + """
            [upstream."m9.p"]
            respond = "500"

            [[phase]]
            name = "startup only"
            expect.startup = "ok"
            """)
        XCTAssertEqual(report.errors.filter { $0.contains("no provider `m9.p` in the config") }.count, 1, "\(report.errors)")
    }

    func testAConfigThatIsInvalidInAnyEnvironmentStopsTheScenario() throws {
        let report = try runScenario(config: twoKeyConfig + "\n[gateway]\nunknown_gateway_key = 1\n", scenario: header + """
            [[phase]]
            name = "never runs"
            send = { function = "f", count = 5 }
            """)
        XCTAssertEqual(report.phases.count, 0)
        XCTAssertEqual(report.errors.count, 1, "\(report.errors)")
        XCTAssertTrue(report.errors[0].contains("error[SY0101]"), report.errors[0])
        XCTAssertTrue(report.errors[0].contains("(config `"), report.errors[0])
    }

    func testTheSameSeedGivesTheSameRunAndTheOptionOverridesIt() throws {
        let scenario = header + """
            [upstream."m1.p"]
            respond = "okx3 503 loop"

            [[phase]]
            name = "p"
            send = { function = "f", count = 300, every = "5ms" }
            """
        let first = try runScenario(config: twoKeyConfig, scenario: scenario)
        let second = try runScenario(config: twoKeyConfig, scenario: scenario)
        XCTAssertEqual(first.seed, 3)
        XCTAssertEqual(first.phases.map(\.summary), second.phases.map(\.summary))
        let reseeded = try runScenario(config: twoKeyConfig, scenario: scenario, options: ScenarioRunner.Options(seed: 4))
        XCTAssertEqual(reseeded.seed, 4)
        XCTAssertNotEqual(first.phases.map(\.summary), reseeded.phases.map(\.summary))
    }

    func testTheTraceHasOneLinePerRequestWithSendTimesAndNoSecrets() throws {
        let scratch = RunnerScratch()
        let tracePath = (scratch.path as NSString).appendingPathComponent("trace.jsonl")
        let trace = try TraceSink(path: tracePath)
        trace.begin(scenario: "test")
        _ = try runScenario(config: twoKeyConfig, scenario: header + """
            [upstream."m1.p"]
            respond = "ok@25ms"

            [upstream."m2.p"]
            respond = "ok@25ms"

            [[phase]]
            name = "timed"
            send = { function = "f", count = 3, every = "10ms" }
            expect.latency_ms = { p50 = 25, p99 = 25 }
            """, options: ScenarioRunner.Options(trace: trace), scratch: scratch)
        try trace.close()
        let text = try String(contentsOfFile: tracePath, encoding: .utf8)
        XCTAssertFalse(text.contains("sk-secret"), "credential values never appear in the trace")
        let lines = try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.map { $0["sent_at_ms"] as? Double }, [0, 10, 20])
        XCTAssertEqual(lines.map { $0["latency_ms"] as? Double }, [25, 25, 25])
        XCTAssertEqual(lines.map { $0["index"] as? Int }, [0, 1, 2])
        XCTAssertEqual(lines.map { $0["phase"] as? String }, ["timed", "timed", "timed"])
        let attempts = try XCTUnwrap(lines[0]["attempts"] as? [[String: Any]])
        XCTAssertEqual(attempts.first?["outcome"] as? String, "ok")
        XCTAssertTrue(["env::KEY1", "env::KEY2"].contains(attempts.first?["credential"] as? String ?? ""))
    }
}
