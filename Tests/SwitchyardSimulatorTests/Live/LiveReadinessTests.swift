import XCTest
@testable import SwitchyardSimulator

/// Scenarios the live gateway cannot serve yet are refused with a reason naming the provider or send, never run
/// half-way or against a real provider.
final class LiveReadinessTests: XCTestCase {
    private static let bedrockConfig = """
        [models.claude]
        routing = ["bedrock"]

        [models.claude.providers.bedrock]
        type = "aws_bedrock"
        model_id = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
        region = "us-east-1"

        [models.gpt]
        routing = ["openai"]

        [models.gpt.providers.openai]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::OPENAI_KEY"

        [functions.reply]
        type = "chat"

        [functions.reply.variants.claude]
        type = "chat_completion"
        model = "claude"
        """

    /// Holds the test's config and scenario files until the test ends.
    private let scratch = RunnerScratch()

    private func scenario(config: String, phase: String) throws -> LiveScenarioRunner {
        scratch.write("tensorzero.toml", config)
        let file = scratch.write("live.scenario.toml", """
            config = "tensorzero.toml"

            [env]
            OPENAI_KEY = "sk-openai"

            [[phase]]
            name = "p"
            \(phase)
            """)
        let (parsed, diagnostics) = ScenarioParser.parse(file: file)
        return LiveScenarioRunner(scenario: try XCTUnwrap(parsed, "\(diagnostics.map(\.description))"))
    }

    func testAProviderTypeTheGatewayCannotCallIsNamedAndNothingRuns() throws {
        let runner = try scenario(config: Self.bedrockConfig, phase: #"send = { function = "reply" }"#)
        let obstacles = runner.obstacles()
        XCTAssertEqual(obstacles.count, 1, "\(obstacles)")
        let obstacle = try XCTUnwrap(obstacles.first)
        XCTAssertEqual(obstacle, "models.claude.providers.bedrock: the live mock upstreams do not answer as `aws_bedrock` yet")
        let report = runner.run()
        XCTAssertEqual(report.errors, obstacles.map { "--live cannot run this scenario: \($0)" })
        XCTAssertTrue(report.phases.isEmpty)
    }

    private static let openAIConfig = """
        [models.gpt]
        routing = ["openai"]

        [models.gpt.providers.openai]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::OPENAI_KEY"

        [functions.reply]
        type = "chat"

        [functions.reply.variants.gpt]
        type = "chat_completion"
        model = "gpt"
        """

    func testUnreferencedShorthandModelsAreNamed() throws {
        let runner = try scenario(config: Self.openAIConfig, phase: """
            send = [{ function = "reply", stream = true }, { model = "openai::gpt-4o-mini" }, { model = "gpt" }]
            """)
        let obstacles = runner.obstacles()
        XCTAssertEqual(obstacles.count, 1, "\(obstacles)")
        XCTAssertTrue(obstacles.first?.contains("no variant references the shorthand model `openai::gpt-4o-mini`") == true, "\(obstacles)")
    }

    func testAServableScenarioHasNoObstacles() throws {
        let config = Self.openAIConfig + """

            [models.gemini]
            routing = ["google"]

            [models.gemini.providers.google]
            type = "google_ai_studio_gemini"
            model_name = "gemini-2.5-flash"
            api_key_location = "env::OPENAI_KEY"
            """
        let runner = try scenario(config: config, phase: #"send = [{ function = "reply" }, { model = "gpt", stream = true }, { model = "gemini", stream = true }]"#)
        XCTAssertEqual(runner.obstacles(), [])
    }
}
