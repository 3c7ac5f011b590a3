import XCTest
@testable import SwitchyardConfig

/// The root table denies unknown fields (reference §4; conformance case 260).
final class TensorZeroConfigTests: XCTestCase {
    func testUnknownRootFieldIsRejectedWithTheAcceptedList() {
        let outcome = loadConfig("enable_agi = true\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "enable_agi", at: SchemaPosition(line: 1, column: 1),
            messageContains: [
                "unknown field `enable_agi`, expected one of `gateway`, `clickhouse`, `postgres`, `rate_limiting`, `object_storage`, `models`, `embedding_models`, `functions`, `metrics`, `tools`, `evaluations`, `provider_types`, `optimizers`, `autopilot`",
            ]
        )
    }

    func testEveryKnownRootSectionIsAccepted() {
        let sections = ["gateway", "clickhouse", "postgres", "rate_limiting", "object_storage", "models", "embedding_models",
                        "functions", "metrics", "tools", "evaluations", "provider_types", "optimizers", "autopilot"]
        let outcome = loadConfig(sections.filter { !["gateway", "models", "embedding_models", "functions", "metrics", "tools", "provider_types"].contains($0) }
            .map { "[\($0)]\n" }.joined() + "[gateway]\n[models]\n[embedding_models]\n[functions]\n[metrics]\n[tools]\n[provider_types]\n")
        assertNoSchemaDiagnostic(outcome, .unknownField)
        assertClean(outcome)
    }

    func testRootSectionOfTheWrongTypeIsRejected() {
        let outcome = loadConfig("models = 3\n")
        assertSchemaDiagnostic(
            outcome, .wrongType, path: "models", at: outcome.position(of: "3"), messageContains: ["expected a table, found integer"]
        )
    }

    func testDecodedSectionsKeepTheirNamesAndOrder() {
        let outcome = loadConfig("""
        [models.b]
        routing = ["p"]
        [models.b.providers.p]
        type = "openai"
        model_name = "x"

        [models.a]
        routing = ["p"]
        [models.a.providers.p]
        type = "openai"
        model_name = "y"

        """)
        assertClean(outcome)
        XCTAssertEqual(outcome.config.models.map(\.name.value), ["b", "a"])
        XCTAssertEqual(outcome.config.model(named: "a")?.provider(named: "p")?.string("model_name"), "y")
        XCTAssertEqual(outcome.config.files, [outcome.file])
    }
}
