import Foundation
import XCTest
@testable import SwitchyardConfig

/// What loading one test config produced, with the text it came from.
struct LoadOutcome {
    let result: ConfigLoader.Result
    let toml: String
    let file: String

    var diagnostics: [Diagnostic] { result.diagnostics }
    var config: TensorZeroConfig { result.config }
    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
    var listing: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// Line and column where the `occurrence`-th `needle` starts.
    func position(of needle: String, occurrence: Int = 1) -> SchemaPosition {
        var start = toml.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = toml.range(of: needle, range: start..<toml.endIndex) else {
                preconditionFailure("`\(needle)` (occurrence \(occurrence)) is not in the test config")
            }
            found = range
            start = range.upperBound
        }
        let prefix = toml[..<found!.lowerBound]
        let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: "\n").map { toml.index(after: $0) } ?? toml.startIndex
        return SchemaPosition(line: line, column: toml.unicodeScalars[lineStart..<found!.lowerBound].count + 1)
    }
}

struct SchemaPosition: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
}

/// Loads `toml` as if it were `/virtual/config/tensorzero.toml` (schema checks read no other file).
func loadConfig(_ toml: String) -> LoadOutcome {
    let file = "/virtual/config/tensorzero.toml"
    return LoadOutcome(result: ConfigLoader.load(text: toml, file: file), toml: toml, file: file)
}

extension XCTestCase {
    /// Asserts exactly `count` diagnostics of `code`, one of them at `position` with the given severity,
    /// key path and message fragments.
    @discardableResult
    func assertSchemaDiagnostic(
        _ outcome: LoadOutcome, _ code: DiagnosticCode, _ severity: Diagnostic.Severity = .error,
        path keyPath: String, at position: SchemaPosition, messageContains fragments: [String], count: Int? = 1,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Diagnostic? {
        let matching = outcome.diagnostics(code)
        if let count {
            XCTAssertEqual(matching.count, count, "number of \(code.rawValue); got:\n\(outcome.listing)", file: file, line: line)
        }
        guard let found = matching.first(where: {
            $0.location.map { SchemaPosition(line: $0.line, column: $0.column) } == position
        }) else {
            XCTFail("no \(code.rawValue) at \(position); got:\n\(outcome.listing)", file: file, line: line)
            return nil
        }
        XCTAssertEqual(found.severity, severity, "\(found)", file: file, line: line)
        XCTAssertEqual(found.keyPath, keyPath, "\(found)", file: file, line: line)
        XCTAssertEqual(found.location?.file, outcome.file, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(found.message.contains(fragment), "`\(found.message)` should contain `\(fragment)`", file: file, line: line)
        }
        return found
    }

    /// Asserts the config loaded without any diagnostic.
    func assertClean(_ outcome: LoadOutcome, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(outcome.diagnostics.isEmpty, "unexpected diagnostics:\n\(outcome.listing)", file: file, line: line)
    }

    func assertNoSchemaDiagnostic(_ outcome: LoadOutcome, _ code: DiagnosticCode, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(outcome.diagnostics(code).isEmpty, "unexpected \(code.rawValue):\n\(outcome.listing)", file: file, line: line)
    }
}

/// A minimal provider table of each type (its required fields, valid values).
enum SchemaFixtures {
    static func requiredFields(_ type: ProviderType) -> [(String, String)] {
        switch type {
        case .openai, .anthropic, .googleAIStudioGemini, .groq, .mistral, .fireworks, .together, .hyperbolic,
             .openrouter, .xai, .deepseek:
            [("model_name", "\"some-model\"")]
        case .azure: [("deployment_id", "\"gpt\""), ("endpoint", "\"https://unit.openai.azure.com\"")]
        case .awsBedrock: [("model_id", "\"claude\"")]
        case .awsSagemaker: [("endpoint_name", "\"ep\""), ("model_name", "\"m\""), ("hosted_provider", "\"openai\"")]
        case .gcpVertexGemini: [("location", "\"us-central1\""), ("project_id", "\"p\""), ("model_id", "\"gemini\"")]
        case .gcpVertexAnthropic: [("model_id", "\"claude\""), ("location", "\"us-east5\""), ("project_id", "\"p\"")]
        case .vllm, .sglang: [("model_name", "\"m\""), ("api_base", "\"http://localhost:8000/v1/\"")]
        case .tgi: [("api_base", "\"http://localhost:8080/v1/\"")]
        }
    }

    static func provider(_ type: ProviderType, fields: [(String, String)], extra: String = "") -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "\(type.rawValue)"
        \(fields.map { "\($0.0) = \($0.1)" }.joined(separator: "\n"))
        \(extra)

        """
    }
}
