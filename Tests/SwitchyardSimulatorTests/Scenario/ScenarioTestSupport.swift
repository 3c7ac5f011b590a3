import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// The result of parsing scenario text in a test, with the text kept to find positions in it.
struct ScenarioOutcome {
    var scenario: Scenario?
    var diagnostics: [Diagnostic]
    var text: String
    var file: String

    /// The 1-based line and column (in Unicode scalars) where the `occurrence`-th `needle` starts.
    func position(of needle: String, occurrence: Int = 1, plus offset: Int = 0) -> ScenarioPosition {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else {
                XCTFail("`\(needle)` occurs fewer than \(occurrence) times")
                return ScenarioPosition(line: 0, column: 0)
            }
            found = range
            searchStart = range.upperBound
        }
        let before = text[..<found!.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text[lineStart..<found!.lowerBound].unicodeScalars.count + 1
        return ScenarioPosition(line: line, column: column + offset)
    }

    /// The diagnostics with `code`.
    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}

struct ScenarioPosition: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
}

let demoScenarioFile = "scenarios/demo/demo.scenario.toml"

func parseScenario(_ text: String, file: String = demoScenarioFile) -> ScenarioOutcome {
    let (scenario, diagnostics) = ScenarioParser.parse(text: text, file: file)
    return ScenarioOutcome(scenario: scenario, diagnostics: diagnostics, text: text, file: file)
}

/// A minimal valid scenario around `phase` (the body of one `[[phase]]` after its name) and `top` (extra
/// top-level lines).
func scenarioText(top: String = "", phase: String = "send = { function = \"f\" }\n") -> String {
    "config = \"tensorzero.toml\"\n\(top)\n[[phase]]\nname = \"p\"\n\(phase)"
}

/// Asserts that the outcome has no diagnostics and a scenario.
func assertClean(_ outcome: ScenarioOutcome, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(outcome.diagnostics.map(\.description), [], file: file, line: line)
    XCTAssertNotNil(outcome.scenario, "no scenario returned", file: file, line: line)
}

/// Asserts that exactly one diagnostic was reported, with `code` at `position`, `path` and a message containing
/// every `messageContains` fragment, and that no scenario was returned.
func assertOnlyDiagnostic(
    _ outcome: ScenarioOutcome, _ code: DiagnosticCode, at position: ScenarioPosition, path: String? = nil,
    messageContains fragments: [String] = [], file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(outcome.diagnostics.count, 1, "expected one diagnostic: \(outcome.diagnostics.map(\.description))", file: file, line: line)
    assertDiagnostic(outcome, code, at: position, path: path, messageContains: fragments, file: file, line: line)
}

/// Asserts that a diagnostic with `code` at `position` was reported (others may be too), and no scenario returned.
func assertDiagnostic(
    _ outcome: ScenarioOutcome, _ code: DiagnosticCode, at position: ScenarioPosition, path: String? = nil,
    messageContains fragments: [String] = [], file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertNil(outcome.scenario, "a scenario was returned despite errors", file: file, line: line)
    let atPosition = outcome.diagnostics.filter {
        $0.code == code && $0.location.map { ScenarioPosition(line: $0.line, column: $0.column) } == position
    }
    guard !atPosition.isEmpty else {
        XCTFail("no \(code.rawValue) at \(position); got: \(outcome.diagnostics.map(\.description))", file: file, line: line)
        return
    }
    guard let diagnostic = atPosition.first(where: { diagnostic in fragments.allSatisfy { diagnostic.message.contains($0) } }) else {
        XCTFail("no \(code.rawValue) at \(position) says \(fragments); got: \(atPosition.map(\.message))", file: file, line: line)
        return
    }
    XCTAssertEqual(diagnostic.location?.file, outcome.file, file: file, line: line)
    XCTAssertEqual(diagnostic.severity, .error, file: file, line: line)
    if let path { XCTAssertEqual(diagnostic.keyPath, path, file: file, line: line) }
}
