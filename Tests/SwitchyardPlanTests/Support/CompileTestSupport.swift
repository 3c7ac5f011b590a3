import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// A fresh folder under the system temp dir, removed when the last reference goes away.
final class ScratchFolder: @unchecked Sendable {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("switchyard-unit-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` at `relative` (folders are created) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ contents: String) -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try! contents.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func absolute(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }
}

/// A 1-based line and column, as `SourceLocation` reports them.
struct Position: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
}

/// What one compilation of a test config produced, with the text it came from.
struct CompileOutcome {
    let compilation: Compiler.Compilation
    let toml: String
    /// The config file's path as diagnostics report it.
    let configPath: String
    let scratch: ScratchFolder

    var diagnostics: [Diagnostic] { compilation.diagnostics }
    var plan: RoutingPlan? { compilation.plan }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// Where the `occurrence`-th `needle` starts in the config text (plus `offset` columns).
    func position(of needle: String, occurrence: Int = 1, offset: Int = 0) -> Position {
        textPosition(of: needle, in: toml, occurrence: occurrence, offset: offset)
    }

    /// Every diagnostic on one line each, for failure messages.
    var listing: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Where the `occurrence`-th `needle` starts in `text`; traps when it is absent (a broken test).
func textPosition(of needle: String, in text: String, occurrence: Int = 1, offset: Int = 0) -> Position {
    var searchStart = text.startIndex
    var found: Range<String.Index>?
    for _ in 0..<occurrence {
        guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else {
            preconditionFailure("`\(needle)` (occurrence \(occurrence)) is not in the test config")
        }
        found = range
        searchStart = range.upperBound
    }
    let prefix = text[..<found!.lowerBound]
    let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    let lineStart = prefix.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    let column = text.unicodeScalars[lineStart..<found!.lowerBound].count + 1
    return Position(line: line, column: column + offset)
}

/// Compiles `toml` as `<scratch>/tensorzero.toml`, with `files` written beside it and `env` as the whole
/// environment. `HOME` points into the scratch folder unless given, so no real gcloud credentials leak in.
/// With `onDisk`, the config is written and loaded from its path (what `switchyard check` does).
func compile(
    _ toml: String, env: [String: String] = [:], files: [String: String] = [:], onDisk: Bool = false,
    scratch: ScratchFolder = ScratchFolder()
) -> CompileOutcome {
    for (name, contents) in files { scratch.write(name, contents) }
    let configPath = scratch.absolute("tensorzero.toml")
    var environment = env
    if environment["HOME"] == nil { environment["HOME"] = scratch.absolute("home") }
    let loaded: ConfigLoader.Result
    if onDisk {
        scratch.write("tensorzero.toml", toml)
        loaded = ConfigLoader.load(configPath)
    } else {
        loaded = ConfigLoader.load(text: toml, file: configPath)
    }
    let compilation = Compiler.compile(loaded, environment: Environment(environment), workingDirectory: scratch.path)
    return CompileOutcome(compilation: compilation, toml: toml, configPath: configPath, scratch: scratch)
}

extension XCTestCase {
    /// Asserts exactly `count` diagnostics of `code`, and that one of them is at `position` with the given
    /// severity, key path and message fragments (matched case-sensitively).
    @discardableResult
    func assertDiagnostic(
        _ outcome: CompileOutcome, _ code: DiagnosticCode, _ severity: Diagnostic.Severity,
        path keyPath: String?, at position: Position, inFile expectedFile: String? = nil,
        messageContains fragments: [String], count: Int? = 1,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Diagnostic? {
        let matching = outcome.diagnostics(code)
        if let count {
            XCTAssertEqual(matching.count, count, "number of \(code.rawValue) diagnostics; got:\n\(outcome.listing)", file: file, line: line)
        }
        guard let found = matching.first(where: {
            $0.location.map { Position(line: $0.line, column: $0.column) } == position
        }) else {
            XCTFail("no \(code.rawValue) at \(position); got:\n\(outcome.listing)", file: file, line: line)
            return nil
        }
        XCTAssertEqual(found.severity, severity, "severity of \(found)", file: file, line: line)
        XCTAssertEqual(found.keyPath, keyPath, "key path of \(found)", file: file, line: line)
        XCTAssertEqual(found.location?.file, expectedFile ?? outcome.configPath, "file of \(found)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(found.message.contains(fragment), "`\(found.message)` should contain `\(fragment)`", file: file, line: line)
        }
        return found
    }

    /// Asserts that no diagnostic of `code` was reported.
    func assertNoDiagnostic(_ outcome: CompileOutcome, _ code: DiagnosticCode, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(outcome.diagnostics(code).isEmpty, "unexpected \(code.rawValue):\n\(outcome.listing)", file: file, line: line)
    }

    /// Asserts that the config compiled without any error (warnings and notes are allowed) and has a plan.
    func assertNoErrors(_ outcome: CompileOutcome, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(outcome.errors.isEmpty, "unexpected errors:\n\(outcome.listing)", file: file, line: line)
        XCTAssertNotNil(outcome.plan, "a config without errors has a plan", file: file, line: line)
    }
}

/// Config snippets most tests share.
enum Snippet {
    /// A model `name` with one OpenAI provider `p` whose key is `env::OPENAI_API_KEY`.
    static func openAIModel(_ name: String = "gpt") -> String {
        """
        [models.\(name)]
        routing = ["p"]

        [models.\(name).providers.p]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::OPENAI_API_KEY"

        """
    }

    /// An environment where `Snippet.openAIModel` resolves.
    static let openAIEnvironment = ["OPENAI_API_KEY": "sk-test"]
}
