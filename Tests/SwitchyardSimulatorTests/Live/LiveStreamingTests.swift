import NIOCore
import XCTest
@testable import SwitchyardSimulator

/// Streaming sends against the live gateway: the mock upstreams stream their scripted `ok` (and `garbage`) in the
/// Google AI Studio, OpenAI and Anthropic stream formats, failures before the first chunk route as simulated, and
/// the live client reads each stream to its `[DONE]`.
final class LiveStreamingTests: XCTestCase {
    static let config = """
        [models.chain]
        routing = ["garbled", "dropped", "failing", "serving"]

        [models.chain.providers.garbled]
        type = "google_ai_studio_gemini"
        model_name = "gemini-2.5-flash"
        api_key_location = "env::GOOGLE_KEY"

        [models.chain.providers.dropped]
        type = "anthropic"
        model_name = "claude-haiku-4-5"
        api_key_location = "env::ANTHROPIC_KEY"

        [models.chain.providers.failing]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::OPENAI_KEY"

        [models.chain.providers.serving]
        type = "google_ai_studio_gemini"
        model_name = "gemini-2.5-flash"
        api_key_location = { default = "dynamic::customer_key", fallback = "env::GOOGLE_KEY" }

        [models.gpt]
        routing = ["openai"]

        [models.gpt.providers.openai]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::OPENAI_KEY"

        [models.claude]
        routing = ["anthropic"]

        [models.claude.providers.anthropic]
        type = "anthropic"
        model_name = "claude-haiku-4-5"
        api_key_location = "env::ANTHROPIC_KEY"

        [functions.answer]
        type = "chat"

        [functions.answer.variants.only]
        type = "chat_completion"
        model = "chain"
        """

    static let scenario = """
        config = "tensorzero.toml"

        [env]
        GOOGLE_KEY = "google-key"
        ANTHROPIC_KEY = "sk-anthropic"
        OPENAI_KEY = "sk-openai"

        [upstream."chain.garbled"]
        respond = "garbage"

        [upstream."chain.dropped"]
        respond = "reset@5ms"

        [upstream."chain.failing"]
        respond = "503@5ms"

        [upstream."chain.serving"]
        respond = "ok@20ms"

        [[phase]]
        name = "three failures before the first chunk, then the fallback side of the last Gemini provider streams"
        send = { function = "answer", count = 3, stream = true }
        expect.status = { "200" = "all" }
        expect.served_by = { "chain.serving" = "all" }
        expect.credential = { "env::GOOGLE_KEY" = "all" }
        expect.fallback_credential = "all"
        expect.attempts = 12

        [[phase]]
        name = "a revoked Gemini key gets 401; the dynamic default side streams"
        revoke = ["env::GOOGLE_KEY"]
        send = { function = "answer", count = 2, stream = true, credentials = { customer_key = "customer-google-key" } }
        expect.status = { "200" = "all" }
        expect.credential = { "dynamic::customer_key" = "all" }
        expect.attempts = 8

        [[phase]]
        name = "every format streams its answer, beside non-streaming requests"
        upstream."chain.garbled".respond = "ok"
        send = [
          { model = "gpt", count = 2, stream = true },
          { model = "claude", count = 2, stream = true },
          { function = "answer", count = 2, stream = true },
          { function = "answer", count = 2 },
        ]
        expect.status = { "200" = "all" }
        expect.served_by = { "gpt.openai" = 2, "claude.anthropic" = 2, "chain.garbled" = 4 }
        expect.attempts = 8

        [[phase]]
        name = "no stream starts: the usual error answer"
        upstream."chain.serving".respond = "500"
        send = { function = "answer", count = 2, stream = true }
        expect.status = { "502" = "all" }
        expect.error = "All variants failed with errors: only: All model providers failed to infer with errors"
        expect.attempts = 8
        """

    func testStreamingSendsRouteAsSimulatedInEveryFormat() throws {
        let scratch = RunnerScratch()
        scratch.write("tensorzero.toml", Self.config)
        let file = scratch.write("streaming.scenario.toml", Self.scenario)
        let scenario = try XCTUnwrap(ScenarioParser.parse(file: file).scenario)
        XCTAssertNil(TimingDependence.reason(scenario))
        XCTAssertEqual(LiveScenarioRunner(scenario: scenario).obstacles(), [])
        let run = try ParityRun.run(scenario, timeScale: 0.1)
        XCTAssertEqual(run.requests, 15)
        XCTAssertEqual(run.differences, [])
        XCTAssertEqual(run.liveProblems, [])
        XCTAssertEqual(run.simulated.phases.flatMap(failures), [])
    }

    func testEachFormatTellsAStreamingRequestApart() {
        let streaming = ByteBuffer(string: #"{"model":"m","stream":true,"messages":[]}"#)
        let plain = ByteBuffer(string: #"{"model":"m","stream":false,"messages":[]}"#)
        for format in [OpenAIMockFormat() as any MockWireFormat, AnthropicMockFormat()] {
            XCTAssertTrue(format.asksToStream(path: "/upstream/0/chat/completions", body: streaming), "\(format)")
            XCTAssertFalse(format.asksToStream(path: "/upstream/0/chat/completions", body: plain), "\(format)")
        }
        XCTAssertTrue(GeminiMockFormat().asksToStream(path: "/upstream/3:streamGenerateContent?alt=sse", body: plain))
        XCTAssertFalse(GeminiMockFormat().asksToStream(path: "/upstream/3:generateContent", body: streaming))
    }

    func testTheLiveClientReadsAStreamToItsEnd() {
        let whole = LiveStreamAnswer(body: """
            data: {"inference_id":"i","episode_id":"e","variant_name":"only","content":[{"type":"text","id":"0","text":"hi"}]}

            data: {"inference_id":"i","episode_id":"e","variant_name":"only","content":[],"usage":{"input_tokens":10,"output_tokens":20}}

            data: [DONE]


            """)
        XCTAssertEqual(whole.variant, "only")
        XCTAssertNil(whole.error)
        XCTAssertTrue(whole.finished)
        XCTAssertNil(whole.problem)
        let broken = LiveStreamAnswer(body: "data: {\"variant_name\":\"only\",\"content\":[]}\r\n\r\ndata: {\"error\":\"boom\"}\r\n\r\ndata: [DONE]\r\n\r\n")
        XCTAssertEqual(broken.problem, "the stream carried an error event: boom")
        XCTAssertEqual(LiveStreamAnswer(body: "data: {\"variant_name\":\"only\",\"content\":[]}\n\n").problem, "the stream ended without `data: [DONE]`")
    }
}
