import XCTest
@testable import SwitchyardConfig

/// `[tools.T]` (reference §4; conformance case 267).
final class ToolConfigTests: XCTestCase {
    private let valid = "[tools.lookup]\ndescription = \"Look something up\"\nparameters = \"lookup.json\"\n"

    func testUnknownToolFieldIsRejected() {
        let outcome = loadConfig(valid + "enable_agi = true\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "tools.lookup.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `description`, `parameters`, `name`, `strict`"]
        )
    }

    func testValidToolIsAccepted() {
        let outcome = loadConfig(valid + "name = \"lookup_v2\"\nstrict = true\n")
        assertClean(outcome)
        XCTAssertEqual(outcome.config.tools.first?.parameters?.value, "lookup.json")
    }

    func testDescriptionAndParametersAreRequired() {
        for field in ["description", "parameters"] {
            let outcome = loadConfig(valid.split(separator: "\n").filter { !$0.hasPrefix(field) }.joined(separator: "\n") + "\n")
            assertSchemaDiagnostic(outcome, .missingField, path: "tools.lookup", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `\(field)`"])
        }
    }

    func testStrictOfTheWrongTypeIsRejected() {
        let outcome = loadConfig(valid + "strict = \"yes\"\n")
        assertSchemaDiagnostic(outcome, .wrongType, path: "tools.lookup.strict", at: outcome.position(of: "\"yes\""), messageContains: ["expected a boolean"])
    }
}
