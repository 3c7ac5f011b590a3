import XCTest
import SwitchyardReports
@testable import SwitchyardSimulator

/// The live mock upstreams answer every scripted outcome (dropped connections, garbage, error statuses, revoked
/// keys, successes) in the OpenAI, Azure and Anthropic wire formats, and the live gateway routes each request as
/// the simulator does.
final class LiveWireFormatsTests: XCTestCase {
    /// One model whose four providers, of three wire formats, are tried in order.
    static let config = """
        [models.chain]
        routing = ["dropped", "garbled", "failing", "serving"]

        [models.chain.providers.dropped]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::OPENAI_KEY"

        [models.chain.providers.garbled]
        type = "anthropic"
        model_name = "claude-haiku-4-5"
        api_key_location = "env::ANTHROPIC_KEY"

        [models.chain.providers.failing]
        type = "azure"
        deployment_id = "gpt-4o-mini"
        endpoint = "http://127.0.0.1:9"
        api_key_location = "env::AZURE_KEY"

        [models.chain.providers.serving]
        type = "anthropic"
        model_name = "claude-haiku-4-5"
        api_key_location = { default = "dynamic::customer_key", fallback = "env::ANTHROPIC_KEY" }

        [functions.answer]
        type = "chat"

        [functions.answer.variants.only]
        type = "chat_completion"
        model = "chain"
        """

    static let scenario = """
        config = "tensorzero.toml"

        [env]
        OPENAI_KEY = "sk-openai"
        ANTHROPIC_KEY = "sk-anthropic"
        AZURE_KEY = "azure-key"

        [upstream."chain.dropped"]
        respond = "reset@5ms"

        [upstream."chain.garbled"]
        respond = "garbage"

        [upstream."chain.failing"]
        respond = "503@5ms"

        [upstream."chain.serving"]
        respond = "ok@20ms"

        [[phase]]
        name = "three failures, then the fallback side of the last provider"
        send = { function = "answer", count = 3 }
        expect.status = { "200" = "all" }
        expect.served_by = { "chain.serving" = "all" }
        expect.credential = { "env::ANTHROPIC_KEY" = "all" }
        expect.fallback_credential = "all"
        expect.attempts = 12

        [[phase]]
        name = "a revoked key gets 401; the dynamic default side serves"
        revoke = ["env::OPENAI_KEY"]
        upstream."chain.dropped".respond = "ok"
        send = { function = "answer", count = 2, credentials = { customer_key = "sk-customer" } }
        expect.status = { "200" = "all" }
        expect.credential = { "dynamic::customer_key" = "all" }
        expect.fallback_credential = 0
        expect.attempts = 8

        [[phase]]
        name = "every provider fails"
        upstream."chain.serving".respond = "500"
        send = { function = "answer", count = 2 }
        expect.status = { "502" = "all" }
        expect.error = "All variants failed with errors: only: All model providers failed to infer with errors"
        expect.attempts = 8
        """

    func testEveryOutcomeInEveryFormatRoutesAsSimulated() throws {
        let scratch = RunnerScratch()
        scratch.write("tensorzero.toml", Self.config)
        let file = scratch.write("formats.scenario.toml", Self.scenario)
        let scenario = try XCTUnwrap(ScenarioParser.parse(file: file).scenario)
        XCTAssertNil(TimingDependence.reason(scenario))
        let run = try ParityRun.run(scenario, timeScale: 0.1)
        XCTAssertEqual(run.requests, 7)
        XCTAssertEqual(run.differences, [])
        XCTAssertEqual(run.liveProblems, [])
        XCTAssertEqual(run.simulated.phases.flatMap(failures), [])
    }

    func testTheLiveTraceNamesWhatEachUpstreamDid() throws {
        let scratch = RunnerScratch()
        scratch.write("tensorzero.toml", Self.config)
        let file = scratch.write("formats.scenario.toml", Self.scenario)
        let scenario = try XCTUnwrap(ScenarioParser.parse(file: file).scenario)
        let tracePath = (scratch.path as NSString).appendingPathComponent("live.jsonl")
        let sink = try TraceSink(path: tracePath)
        _ = LiveScenarioRunner(scenario: scenario, options: .init(trace: sink), live: LiveOptions(timeScale: 0.1)).run()
        try sink.close()
        let lines = try String(contentsOfFile: tracePath, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        let objects = try lines.map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        func attempts(_ object: [String: Any]) -> [String] {
            (object["attempts"] as? [[String: Any]] ?? []).map {
                "\($0["provider"] as? String ?? "?") \($0["outcome"] as? String ?? "?") \($0["credential"] as? String ?? "-")"
            }
        }
        XCTAssertEqual(attempts(objects[0]), [
            "dropped reset env::OPENAI_KEY", "garbled garbage env::ANTHROPIC_KEY", "failing status:503 env::AZURE_KEY",
            "serving ok env::ANTHROPIC_KEY",
        ])
        XCTAssertEqual(attempts(objects[3]), [
            "dropped status:401 env::OPENAI_KEY", "garbled garbage env::ANTHROPIC_KEY", "failing status:503 env::AZURE_KEY",
            "serving ok dynamic::customer_key",
        ])
        XCTAssertEqual(objects[3]["fallback_credential"] as? Bool, false)
        XCTAssertEqual(objects[0]["fallback_credential"] as? Bool, true)
        XCTAssertEqual(objects[5]["status"] as? Int, 502)
        XCTAssertTrue((objects[5]["error"] as? String ?? "").contains("Error from anthropic server"), "\(objects[5]["error"] ?? "no error")")
        for object in objects {
            XCTAssertFalse(String(describing: object).contains("sk-"), "a credential value leaked into the trace: \(object)")
        }
    }
}
