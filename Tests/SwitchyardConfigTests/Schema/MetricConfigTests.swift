import XCTest
@testable import SwitchyardConfig

/// `[metrics.M]` (reference §4; conformance case 266).
final class MetricConfigTests: XCTestCase {
    private let valid = "[metrics.task_success]\ntype = \"boolean\"\noptimize = \"max\"\nlevel = \"inference\"\n"

    func testUnknownMetricFieldIsRejected() {
        let outcome = loadConfig(valid + "enable_agi = true\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "metrics.task_success.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `type`, `optimize`, `level`, `description`"]
        )
    }

    func testValidMetricIsAccepted() {
        let outcome = loadConfig(valid + "description = \"did it work\"\n")
        assertClean(outcome)
        XCTAssertEqual(outcome.config.metrics.map(\.name.value), ["task_success"])
    }

    func testEachRequiredMetricFieldIsRequired() {
        for field in ["type", "optimize", "level"] {
            let text = valid.split(separator: "\n").filter { !$0.hasPrefix(field) }.joined(separator: "\n") + "\n"
            let outcome = loadConfig(text)
            assertSchemaDiagnostic(outcome, .missingField, path: "metrics.task_success", at: SchemaPosition(line: 1, column: 1), messageContains: ["missing field `\(field)`"])
        }
    }

    func testBadMetricEnumValuesAreRejected() {
        let cases = [("type", "\"integer\"", "expected `boolean` or `float`"), ("optimize", "\"maximize\"", "expected `min` or `max`"), ("level", "\"session\"", "expected `inference` or `episode`")]
        for (field, value, expected) in cases {
            let text = valid.split(separator: "\n").map { $0.hasPrefix(field) ? "\(field) = \(value)" : String($0) }.joined(separator: "\n") + "\n"
            let outcome = loadConfig(text)
            assertSchemaDiagnostic(outcome, .invalidValue, path: "metrics.task_success.\(field)", at: outcome.position(of: value), messageContains: ["unknown variant", expected])
        }
    }
}
