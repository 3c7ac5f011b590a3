import Foundation
import SwitchyardPlan

/// A config with tool-using chat functions and JSON functions on the OpenAI, Anthropic and Gemini mock
/// routes; the schema files are written to a fresh folder and named by absolute path.
enum ToolConfigFixture {
    static let weather = #"{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]}},"required":["city"],"additionalProperties":false}"#
    static let time = #"{"type":"object","properties":{"zone":{"type":"string"}},"required":["zone"]}"#
    static let output = #"{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}},"required":["name","age"],"additionalProperties":false}"#

    static func config(upstreamPort port: Int) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-tools-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func file(_ name: String, _ text: String) -> String {
            let url = folder.appendingPathComponent(name)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let base = "http://127.0.0.1:\(port)"
        func openAIModel(_ name: String, path: String) -> String {
            """
            [models.\(name)]
            routing = ["p"]

            [models.\(name).providers.p]
            type = "openai"
            api_base = "\(base)/\(path)/v1/"
            model_name = "gpt-test"
            api_key_location = "env::TEST_OPENAI_KEY"

            """
        }
        func jsonVariant(_ name: String, model: String, mode: String) -> String {
            """
            [functions.extract.variants.\(name)]
            type = "chat_completion"
            model = "\(model)"
            json_mode = "\(mode)"

            """
        }
        return GatewayHarness.config(upstreamPort: port) + """

            \(openAIModel("tools_model", path: "tools"))
            \(openAIModel("json_model", path: "json"))
            \(openAIModel("json_bad_model", path: "json-bad"))
            [models.claude_tools]
            routing = ["anthropic"]

            [models.claude_tools.providers.anthropic]
            type = "anthropic"
            api_base = "\(base)/anthropic-tools/v1/"
            model_name = "claude-test"
            api_key_location = "env::TEST_ANTHROPIC_KEY"

            [models.gemini_tools]
            routing = ["google"]

            [models.gemini_tools.providers.google]
            type = "google_ai_studio_gemini"
            model_name = "gemini-test"
            api_key_location = "env::TEST_GOOGLE_KEY"

            [tools.get_weather]
            description = "Get the weather"
            parameters = "\(file("weather.json", weather))"
            strict = true

            [tools.get_time]
            description = "Get the time"
            parameters = "\(file("time.json", time))"

            [functions.tooly]
            type = "chat"
            tools = ["get_weather", "get_time"]
            tool_choice = "auto"
            parallel_tool_calls = true

            [functions.tooly.variants.openai]
            type = "chat_completion"
            model = "tools_model"

            [functions.tooly.variants.anthropic]
            type = "chat_completion"
            model = "claude_tools"

            [functions.tooly.variants.gemini]
            type = "chat_completion"
            model = "gemini_tools"

            [functions.extract]
            type = "json"
            output_schema = "\(file("output.json", output))"

            \(jsonVariant("on", model: "json_model", mode: "on"))
            \(jsonVariant("strict", model: "json_model", mode: "strict"))
            \(jsonVariant("tool", model: "json_model", mode: "tool"))
            \(jsonVariant("off", model: "json_model", mode: "off"))
            \(jsonVariant("bad", model: "json_bad_model", mode: "on"))
            \(jsonVariant("anthropic_on", model: "claude_tools", mode: "on"))
            \(jsonVariant("anthropic_strict", model: "claude_tools", mode: "strict"))
            \(jsonVariant("anthropic_tool", model: "claude_tools", mode: "tool"))
            \(jsonVariant("gemini_strict", model: "gemini_tools", mode: "strict"))
            """
    }

    /// The plan with the Gemini model's endpoint on the mock's `/gemini-tools/` route.
    static func onMock(_ plan: RoutingPlan, port: Int) -> RoutingPlan {
        var plan = plan
        plan.models["gemini_tools"]!.routing[0].endpoint = "http://127.0.0.1:\(port)/gemini-tools/v1beta/models/gemini-test"
        return plan
    }
}
