import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// Whole scenario files: every key read into the model, config path resolution, reading from disk.
final class ScenarioParserTests: XCTestCase {
    private let fullScenario = """
        description = "Two OpenAI keys share the traffic; a revoked key fails over"
        config = "tensorzero.toml"
        seed = 42

        [env]
        OPENAI_API_KEY_1 = "sk-test-1"
        OPENAI_API_KEY_2 = "sk-test-2"

        [upstream."gpt_4o_mini_1.openai"]
        respond = "ok@120ms"

        [upstream."openai::gpt-4o-mini"]
        respond = "okx9 500 loop"

        [[phase]]
        name = "healthy: even split"
        send = { function = "generate_haiku", count = 2000, every = "10ms" }
        expect.status = { "200" = "all" }
        expect.variant_share = { gpt_4o_mini_1 = 0.5, gpt_4o_mini_2 = 0.5 }
        expect.tolerance = 0.03
        expect.latency_ms = { p50 = 120, p99 = 130.5 }

        [[phase]]
        name = "key 2 revoked"
        revoke = ["env::OPENAI_API_KEY_2", "dynamic::customer"]
        env = { EXTRA = "1" }
        unset = ["OPENAI_API_KEY_1"]
        upstream."gpt_4o_mini_1.openai".respond = "503x2 timeout reset@5ms garbage"
        send = [
          { model = "gpt_4o_mini_1", count = 3, episode = "shared", variant = "v1", credentials = { customer = "ck" }, stream = true },
          { function = "generate_haiku", episode = "0196f0c4-5a4e-7c3b-9d2e-1f0a2b3c4d5e" },
        ]
        expect.served_by = { "gpt_4o_mini_1.openai" = "all" }
        expect.variant = { v1 = 3 }
        expect.credential = { "env::OPENAI_API_KEY_2" = 0 }
        expect.fallback_credential = 0
        expect.attempts = "all"
        expect.error = "revoked"

        [[phase]]
        name = "broken start"
        env = { OPENAI_API_KEY_1 = "" }
        expect = { startup_error = "OPENAI_API_KEY" }

        [[phase]]
        name = "clean start"
        expect.startup = "ok"
        """

    func testEveryKeyIsRead() throws {
        let outcome = parseScenario(fullScenario)
        assertClean(outcome)
        let scenario = try XCTUnwrap(outcome.scenario)
        XCTAssertEqual(scenario.file, demoScenarioFile)
        XCTAssertEqual(scenario.description, "Two OpenAI keys share the traffic; a revoked key fails over")
        XCTAssertEqual(scenario.configPattern.value, "scenarios/demo/tensorzero.toml")
        XCTAssertEqual(scenario.configPattern.location, SourceLocation(file: demoScenarioFile, line: 2, column: 10))
        XCTAssertEqual(scenario.seed, 42)
        XCTAssertEqual(scenario.environment, ["OPENAI_API_KEY_1": "sk-test-1", "OPENAI_API_KEY_2": "sk-test-2"])
        XCTAssertEqual(scenario.upstreams.count, 2)
        XCTAssertEqual(scenario.upstreams["gpt_4o_mini_1.openai"]?.value, ResponseScript(steps: [.init(outcome: .ok, latency: 120_000_000, count: 1)], loops: false))
        XCTAssertEqual(
            scenario.upstreams["gpt_4o_mini_1.openai"]?.location, SourceLocation(file: demoScenarioFile, line: 9, column: 11),
            "an upstream keeps the position of its key"
        )
        XCTAssertEqual(scenario.upstreams["openai::gpt-4o-mini"]?.value, ResponseScript(
            steps: [.init(outcome: .ok, latency: 0, count: 9), .init(outcome: .status(500), latency: 0, count: 1)], loops: true
        ))
        XCTAssertEqual(scenario.phases.map(\.name), ["healthy: even split", "key 2 revoked", "broken start", "clean start"])

        let healthy = scenario.phases[0]
        XCTAssertEqual(healthy.location.line, 15)
        XCTAssertEqual(healthy.sends.count, 1)
        let send = healthy.sends[0]
        XCTAssertEqual(send.target.value, .function("generate_haiku"))
        XCTAssertEqual(send.target.location, SourceLocation(file: demoScenarioFile, line: 17, column: 21))
        XCTAssertEqual(send.count, 2000)
        XCTAssertEqual(send.every, 10_000_000)
        XCTAssertEqual(send.episode, .random)
        XCTAssertNil(send.pinnedVariant)
        XCTAssertEqual(send.credentials, [:])
        XCTAssertFalse(send.stream)
        XCTAssertEqual(healthy.expectations.status["200"]?.value, .all)
        XCTAssertEqual(healthy.expectations.variantShare.mapValues(\.value), ["gpt_4o_mini_1": 0.5, "gpt_4o_mini_2": 0.5])
        XCTAssertEqual(healthy.expectations.variantShare["gpt_4o_mini_2"]?.location, SourceLocation(file: demoScenarioFile, line: 19, column: 47))
        XCTAssertEqual(healthy.expectations.status["200"]?.location, SourceLocation(file: demoScenarioFile, line: 18, column: 19))
        XCTAssertEqual(healthy.expectations.tolerance?.value, 0.03)
        XCTAssertEqual(healthy.expectations.latencyP50Ms?.value, 120)
        XCTAssertEqual(healthy.expectations.latencyP99Ms?.value, 130.5)
        XCTAssertNil(healthy.expectations.startup)
        XCTAssertTrue(healthy.revoke.isEmpty)
        XCTAssertTrue(healthy.upstreams.isEmpty)

        let revoked = scenario.phases[1]
        XCTAssertEqual(revoked.revoke.map(\.value), ["env::OPENAI_API_KEY_2", "dynamic::customer"])
        XCTAssertEqual(revoked.revoke.first?.location, SourceLocation(file: demoScenarioFile, line: 25, column: 11))
        XCTAssertEqual(revoked.environment, ["EXTRA": "1"])
        XCTAssertEqual(revoked.unset.map(\.value), ["OPENAI_API_KEY_1"])
        XCTAssertEqual(revoked.upstreams["gpt_4o_mini_1.openai"]?.value.steps, [
            .init(outcome: .status(503), latency: 0, count: 2), .init(outcome: .timeout, latency: 0, count: 1),
            .init(outcome: .reset, latency: 5_000_000, count: 1), .init(outcome: .garbage, latency: 0, count: 1),
        ])
        XCTAssertEqual(revoked.sends.count, 2)
        XCTAssertEqual(revoked.sends[0].target.value, .model("gpt_4o_mini_1"))
        XCTAssertEqual(revoked.sends[0].count, 3)
        XCTAssertEqual(revoked.sends[0].episode, .shared)
        XCTAssertEqual(revoked.sends[0].pinnedVariant, "v1")
        XCTAssertEqual(revoked.sends[0].credentials, ["customer": "ck"])
        XCTAssertTrue(revoked.sends[0].stream)
        XCTAssertEqual(revoked.sends[1].episode, .fixed("0196f0c4-5a4e-7c3b-9d2e-1f0a2b3c4d5e"))
        XCTAssertEqual(revoked.sends[1].count, 1)
        XCTAssertEqual(revoked.expectations.servedBy["gpt_4o_mini_1.openai"]?.value, .all)
        XCTAssertEqual(revoked.expectations.variant["v1"]?.value, .exactly(3))
        XCTAssertEqual(revoked.expectations.credential["env::OPENAI_API_KEY_2"]?.value, .exactly(0))
        XCTAssertEqual(revoked.expectations.fallbackCredential?.value, .exactly(0))
        XCTAssertEqual(revoked.expectations.attempts?.value, .all)
        XCTAssertEqual(revoked.expectations.error?.value, "revoked")
        XCTAssertNil(revoked.expectations.tolerance)

        let broken = scenario.phases[2]
        XCTAssertTrue(broken.sends.isEmpty)
        XCTAssertEqual(broken.expectations.startup?.value, .error, "startup_error implies startup = \"error\"")
        XCTAssertEqual(broken.expectations.startupError?.value, "OPENAI_API_KEY")
        XCTAssertEqual(scenario.phases[3].expectations.startup?.value, .ok)
    }

    func testDefaults() throws {
        let outcome = parseScenario(scenarioText())
        assertClean(outcome)
        let scenario = try XCTUnwrap(outcome.scenario)
        XCTAssertNil(scenario.description)
        XCTAssertEqual(scenario.seed, 1)
        XCTAssertEqual(scenario.environment, [:])
        XCTAssertTrue(scenario.upstreams.isEmpty)
        let send = try XCTUnwrap(scenario.phases.first?.sends.first)
        XCTAssertEqual(send.count, 1)
        XCTAssertEqual(send.every, 0)
        XCTAssertEqual(send.episode, .random)
        XCTAssertFalse(send.stream)
    }

    func testSendsWrittenAsArrayOfTables() throws {
        let outcome = parseScenario(scenarioText(phase: "[[phase.send]]\nfunction = \"a\"\n[[phase.send]]\nmodel = \"b\"\ncount = 2\n"))
        assertClean(outcome)
        XCTAssertEqual(outcome.scenario?.phases.first?.sends.map(\.target.value), [.function("a"), .model("b")])
        XCTAssertEqual(outcome.scenario?.phases.first?.sends.first?.location.line, 5)
    }

    func testPhaseWithoutSendOnlyRestarts() throws {
        let outcome = parseScenario(scenarioText(phase: "expect.startup = \"ok\"\n"))
        assertClean(outcome)
        XCTAssertEqual(outcome.scenario?.phases.first?.sends.count, 0)
    }

    // MARK: Config paths

    func testConfigIsResolvedAgainstTheScenarioFolder() {
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("tensorzero.toml", relativeTo: "scenarios/a/x.scenario.toml"), "scenarios/a/tensorzero.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("./config/*.toml", relativeTo: "scenarios/a/x.scenario.toml"), "scenarios/a/config/*.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("../shared/tz.toml", relativeTo: "scenarios/a/x.scenario.toml"), "scenarios/a/../shared/tz.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("/etc/tz.toml", relativeTo: "scenarios/a/x.scenario.toml"), "/etc/tz.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("tz.toml", relativeTo: "/abs/dir/x.scenario.toml"), "/abs/dir/tz.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("tz.toml", relativeTo: "/x.scenario.toml"), "/tz.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("tz.toml", relativeTo: "x.scenario.toml"), "tz.toml")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("*.toml", relativeTo: "x.scenario.toml"), "./*.toml", "a leading wildcard would match nothing")
        XCTAssertEqual(ScenarioParser.resolveConfigPattern("config/**/*.toml", relativeTo: "x.scenario.toml"), "config/**/*.toml")
    }

    func testParsedScenarioStoresTheResolvedPattern() {
        XCTAssertEqual(parseScenario(scenarioText(), file: "x.scenario.toml").scenario?.configPattern.value, "tensorzero.toml")
        let absolute = parseScenario("config = \"/srv/tz/*.toml\"\n[[phase]]\nname = \"p\"\n", file: "a/b.scenario.toml")
        XCTAssertEqual(absolute.scenario?.configPattern.value, "/srv/tz/*.toml")
        let glob = parseScenario("config = \"conf/*.toml\"\n[[phase]]\nname = \"p\"\n", file: "a/b/c.scenario.toml")
        XCTAssertEqual(glob.scenario?.configPattern.value, "a/b/conf/*.toml")
    }

    // MARK: Files

    func testParsesAFileFromDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-parser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.scenario.toml").path
        try fullScenario.write(toFile: path, atomically: true, encoding: .utf8)
        let (scenario, diagnostics) = ScenarioParser.parse(file: path)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(scenario?.file, path)
        XCTAssertEqual(scenario?.configPattern.value, folder.appendingPathComponent("tensorzero.toml").path)
        XCTAssertEqual(scenario?.phases.count, 4)
    }

    func testBadStepInAFileFromDiskPointsInsideTheString() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-parser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.scenario.toml").path
        try scenarioText(top: "[upstream.\"m.p\"]\nrespond = \"ok 99\"\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (scenario, diagnostics) = ScenarioParser.parse(file: path)
        XCTAssertNil(scenario)
        XCTAssertEqual(diagnostics.map(\.description), ["\(path):3:15: error[SY0801]: `upstream.\"m.p\".respond`: step `99`: status `99` is not an error status; expected `ok`, an HTTP status 400–599, `timeout`, `reset` or `garbage`"])
    }

    func testUnreadableFileIsReported() {
        let (scenario, diagnostics) = ScenarioParser.parse(file: "/nonexistent/missing.scenario.toml")
        XCTAssertNil(scenario)
        XCTAssertEqual(diagnostics.map(\.code), [.fileUnreadable])
        XCTAssertEqual(diagnostics.first?.location?.description, "/nonexistent/missing.scenario.toml:1:1")
    }

    func testInvalidUTF8IsASyntaxError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).scenario.toml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("description = \"caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: URL(fileURLWithPath: path))
        let (scenario, diagnostics) = ScenarioParser.parse(file: path)
        XCTAssertNil(scenario)
        XCTAssertEqual(diagnostics.map(\.code), [.tomlSyntax])
        XCTAssertEqual(diagnostics.first?.location?.line, 1)
    }
}
