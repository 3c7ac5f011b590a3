import XCTest
@testable import SwitchyardConfig

/// `[models.M]`: `routing` and `providers` are required, unknown fields are denied (reference §2.1, §4).
final class ModelConfigTests: XCTestCase {
    private let provider = "\n[models.gpt.providers.p]\ntype = \"openai\"\nmodel_name = \"gpt-4o-mini\"\n"

    func testUnknownModelFieldIsRejected() {
        let outcome = loadConfig("[models.gpt]\nrouting = [\"p\"]\nenable_agi = true\n" + provider)
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "models.gpt.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `routing`, `providers`, `timeouts`, `skip_relay`, `namespace`"]
        )
    }

    func testKnownModelFieldsAreAccepted() {
        let outcome = loadConfig("[models.gpt]\nrouting = [\"p\"]\nskip_relay = true\nnamespace = \"team\"\ntimeouts = { non_streaming = { total_ms = 1000 } }\n" + provider)
        assertClean(outcome)
        XCTAssertEqual(outcome.config.models.first?.routing.map(\.value), ["p"])
        XCTAssertEqual(outcome.config.models.first?.timeouts?.nonStreamingTotalMs?.value, 1000)
    }

    func testMissingRoutingIsReportedAtTheModel() {
        let outcome = loadConfig("[models.gpt]\n" + provider)
        assertSchemaDiagnostic(outcome, .missingField, path: "models.gpt", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `routing`"])
    }

    func testMissingProvidersIsReportedAtTheModel() {
        let outcome = loadConfig("[models.gpt]\nrouting = [\"p\"]\n")
        assertSchemaDiagnostic(outcome, .missingField, path: "models.gpt", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `providers`"])
    }

    func testRoutingOfTheWrongTypeIsRejected() {
        let outcome = loadConfig("[models.gpt]\nrouting = \"p\"\n" + provider)
        assertSchemaDiagnostic(outcome, .wrongType, path: "models.gpt.routing", at: outcome.position(of: "\"p\""), messageContains: ["expected an array of strings, found string"])
    }

    func testNonStringRoutingEntryIsRejectedAtTheEntry() {
        let outcome = loadConfig("[models.gpt]\nrouting = [\"p\", 2]\n" + provider)
        assertSchemaDiagnostic(outcome, .wrongType, path: "models.gpt.routing[1]", at: outcome.position(of: "2]"), messageContains: ["expected a string, found integer"])
    }

    func testModelThatIsNotATableIsRejected() {
        let outcome = loadConfig("[models]\ngpt = \"openai::gpt-4o\"\n")
        assertSchemaDiagnostic(outcome, .wrongType, path: "models.gpt", at: outcome.position(of: "\"openai"), messageContains: ["expected a table, found string"])
    }

    func testSkipRelayOfTheWrongTypeIsRejected() {
        let outcome = loadConfig("[models.gpt]\nrouting = [\"p\"]\nskip_relay = \"no\"\n" + provider)
        assertSchemaDiagnostic(outcome, .wrongType, path: "models.gpt.skip_relay", at: outcome.position(of: "\"no\""), messageContains: ["expected a boolean"])
    }
}
