import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// A chat function's `tools` must name `[tools.*]` entries (reference §4).
final class FunctionToolRulesTests: XCTestCase {
    private func config(tools: String, defineLookup: Bool) -> String {
        (defineLookup ? "[tools.lookup]\ndescription = \"Look something up\"\nparameters = \"lookup.json\"\n\n" : "") + """
        [functions.answer]
        type = "chat"
        tools = \(tools)

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "openai::gpt-4o-mini"

        """
    }

    func testUnknownToolIsAnErrorAtItsName() {
        let outcome = compile(config(tools: #"["lookup", "get_weather"]"#, defineLookup: true), env: Snippet.openAIEnvironment, files: ["lookup.json": "{}"])
        assertDiagnostic(
            outcome, .unknownTool, .error, path: "functions.answer.tools", at: outcome.position(of: "\"get_weather\""),
            messageContains: ["tool `get_weather` is not present in the config"]
        )
    }

    func testKnownToolsAreAccepted() {
        let outcome = compile(config(tools: #"["lookup"]"#, defineLookup: true), env: Snippet.openAIEnvironment, files: ["lookup.json": "{}"])
        assertNoDiagnostic(outcome, .unknownTool)
        assertNoErrors(outcome)
    }

    func testToolWithoutDefinitionsIsReportedOncePerReference() {
        let outcome = compile(config(tools: #"["a", "b"]"#, defineLookup: false), env: Snippet.openAIEnvironment)
        XCTAssertEqual(outcome.diagnostics(.unknownTool).map(\.message), [
            "tool `a` is not present in the config", "tool `b` is not present in the config",
        ])
    }
}
