import XCTest
@testable import SwitchyardConfig

/// `[functions.F]`: a `chat` or `json` type, required `variants`, no unknown fields (reference §3.1).
final class FunctionConfigTests: XCTestCase {
    private let variant = "\n[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"openai::gpt-4o-mini\"\n"

    func testUnknownChatFunctionFieldIsRejected() {
        let outcome = loadConfig("[functions.answer]\ntype = \"chat\"\nenable_agi = true\n" + variant)
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "functions.answer.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `variants`, `system_schema`, `user_schema`, `assistant_schema`, `schemas`, `tools`, `tool_choice`, `parallel_tool_calls`, `description`, `experimentation`, `evaluators`"]
        )
    }

    func testToolsAreUnknownOnAJSONFunction() {
        let outcome = loadConfig("[functions.answer]\ntype = \"json\"\ntools = [\"lookup\"]\n" + variant)
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "functions.answer.tools", at: outcome.position(of: "tools"),
            messageContains: ["unknown field `tools`, expected one of `variants`, `system_schema`, `user_schema`, `assistant_schema`, `schemas`, `output_schema`"]
        )
    }

    func testKnownFunctionFieldsAreAccepted() {
        let chat = loadConfig("[functions.answer]\ntype = \"chat\"\ndescription = \"d\"\ntools = []\ntool_choice = \"auto\"\nparallel_tool_calls = true\nsystem_schema = \"s.json\"\n" + variant)
        assertClean(chat)
        XCTAssertEqual(chat.config.functions.first?.kind, .chat)
        let json = loadConfig("[functions.answer]\ntype = \"json\"\noutput_schema = \"o.json\"\n" + variant)
        assertClean(json)
        XCTAssertEqual(json.config.functions.first?.schemas["output_schema"]?.value, "o.json")
    }

    /// Conformance case 244.
    func testMissingVariantsIsRejected() {
        let outcome = loadConfig("[functions.answer]\ntype = \"chat\"\n")
        assertSchemaDiagnostic(outcome, .missingField, path: "functions.answer", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `variants`"])
    }

    func testMissingTypeIsRejected() {
        let outcome = loadConfig("[functions.answer]\n" + variant)
        assertSchemaDiagnostic(outcome, .missingField, path: "functions.answer", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `type`"])
    }

    func testUnknownFunctionTypeIsRejected() {
        let outcome = loadConfig("[functions.answer]\ntype = \"completion\"\n" + variant)
        assertSchemaDiagnostic(
            outcome, .invalidValue, path: "functions.answer", at: outcome.position(of: "\"completion\""),
            messageContains: ["unknown variant `completion`, expected `chat` or `json`"]
        )
    }

    func testToolsOfTheWrongTypeAreRejected() {
        let outcome = loadConfig("[functions.answer]\ntype = \"chat\"\ntools = \"lookup\"\n" + variant)
        assertSchemaDiagnostic(outcome, .wrongType, path: "functions.answer.tools", at: outcome.position(of: "\"lookup\""), messageContains: ["expected an array of strings, found string"])
    }
}
