import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Schema files are compiled at load: bad JSON at its line and column in the schema file, a keyword the
/// validator cannot check at the config entry naming the file; good ones reach the plan.
final class SchemaFileRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func jsonFunction(_ extra: String = "") -> String {
        Snippet.openAIModel("gpt") + """
        [tools.weather]
        description = "Get the weather"
        parameters = "weather.json"
        strict = true

        [functions.extract]
        type = "json"
        output_schema = "output.json"
        \(extra)

        [functions.extract.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        json_mode = "strict"

        [functions.chat]
        type = "chat"
        tools = ["weather"]
        tool_choice = { specific = "weather" }
        parallel_tool_calls = false

        [functions.chat.variants.alpha]
        type = "chat_completion"
        model = "gpt"

        """
    }

    private let weather = #"{"type": "object", "properties": {"city": {"type": "string"}}}"#

    func testSyntaxErrorIsReportedInTheSchemaFile() {
        let outcome = compile(jsonFunction(), env: env, files: ["output.json": "{\n  \"type\": \"object\",\n}", "weather.json": weather], onDisk: true)
        assertDiagnostic(
            outcome, .schemaFile, .error, path: "functions.extract.output_schema", at: Position(line: 3, column: 1),
            inFile: outcome.scratch.absolute("output.json"), messageContains: ["`output.json` is not valid JSON"]
        )
    }

    func testUnsupportedKeywordIsNamedAtTheConfigEntry() {
        let outcome = compile(
            jsonFunction(), env: env,
            files: ["output.json": #"{"type": "object", "dependentRequired": {"a": ["b"]}}"#, "weather.json": weather], onDisk: true
        )
        assertDiagnostic(
            outcome, .schemaFile, .error, path: "functions.extract.output_schema", at: outcome.position(of: "\"output.json\""),
            messageContains: ["`dependentRequired`", "not supported"]
        )
    }

    func testToolParametersAndNamedSchemasAreChecked() {
        let outcome = compile(
            jsonFunction("schemas.greeting.path = \"greeting.json\""), env: env,
            files: ["output.json": "{}", "weather.json": #"{"type": "dict"}"#, "greeting.json": "[1"], onDisk: true
        )
        XCTAssertEqual(outcome.diagnostics(.schemaFile).compactMap(\.keyPath).sorted(), ["functions.extract.schemas.greeting", "tools.weather.parameters"])
    }

    func testPlanCarriesSchemasToolsAndToolSettings() throws {
        let outcome = compile(jsonFunction(), env: env, files: ["output.json": "{ \"type\": \"object\" }", "weather.json": weather], onDisk: true)
        assertNoErrors(outcome)
        let plan = try XCTUnwrap(outcome.plan)
        XCTAssertEqual(plan.functions["extract"]?.interface.schemas, ["output": #"{"type":"object"}"#])
        let chat = try XCTUnwrap(plan.functions["chat"]?.interface)
        XCTAssertEqual(chat.tools, [ToolPlan(
            name: "weather", description: "Get the weather", parameters: #"{"type":"object","properties":{"city":{"type":"string"}}}"#, strict: true
        )])
        XCTAssertEqual(chat.toolChoice, "specific::weather")
        XCTAssertEqual(chat.parallelToolCalls, false)
        let decoded = try RoutingPlan(json: try JSONParser.parse(Array(CanonicalJSONWriter.render(plan).utf8)))
        XCTAssertEqual(decoded.functions["chat"]?.interface.tools, chat.tools)
        XCTAssertEqual(decoded.functions["extract"]?.interface.schemas, ["output": #"{"type":"object"}"#])
    }

    func testBadToolChoiceIsReported() {
        let outcome = compile(jsonFunction().replacingOccurrences(of: "{ specific = \"weather\" }", with: "\"sometimes\""), env: env,
                              files: ["output.json": "{}", "weather.json": weather], onDisk: true)
        XCTAssertEqual(outcome.diagnostics(.invalidValue).map(\.keyPath), ["functions.chat.tool_choice"])
    }
}
