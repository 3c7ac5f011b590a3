import XCTest
@testable import SwitchyardConfig

/// Loading a path or glob: files are merged, and every problem in every file is reported (reference §4).
final class ConfigLoaderTests: XCTestCase {
    private let model = "[models.gpt]\nrouting = [\"openai\"]\n\n[models.gpt.providers.openai]\ntype = \"openai\"\nmodel_name = \"gpt-4o-mini\"\n"
    private let function = "[functions.answer]\ntype = \"chat\"\n\n[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\n"

    private func listing(_ result: ConfigLoader.Result) -> String { result.diagnostics.map(\.description).joined(separator: "\n") }

    func testSingleFileLoadsByPath() {
        let scratch = ConfigScratch()
        let path = scratch.write("tensorzero.toml", model)
        let result = ConfigLoader.load(path)
        XCTAssertTrue(result.diagnostics.isEmpty, listing(result))
        XCTAssertEqual(result.config.files, [path])
        XCTAssertEqual(result.config.models.first?.name.location.file, path)
    }

    func testGlobMergesDisjointTablesFromTwoFiles() {
        let scratch = ConfigScratch()
        let a = scratch.write("config/a.toml", model)
        let b = scratch.write("config/b.toml", function)
        let result = ConfigLoader.load(scratch.absolute("config/*.toml"))
        XCTAssertTrue(result.diagnostics.isEmpty, listing(result))
        XCTAssertEqual(result.config.files, [a, b])
        XCTAssertEqual(result.config.models.map(\.name.value), ["gpt"])
        XCTAssertEqual(result.config.functions.map(\.name.value), ["answer"])
        XCTAssertEqual(result.config.functions.first?.location.file, b)
    }

    func testGlobMergesDifferentKeysOfTheSameTable() {
        let scratch = ConfigScratch()
        scratch.write("config/a.toml", "[models.gpt]\nrouting = [\"openai\"]\n")
        scratch.write("config/b.toml", "[models.gpt.providers.openai]\ntype = \"openai\"\nmodel_name = \"x\"\n")
        let result = ConfigLoader.load(scratch.absolute("config/*.toml"))
        XCTAssertTrue(result.diagnostics.isEmpty, listing(result))
        XCTAssertEqual(result.config.models.first?.providers.map(\.name.value), ["openai"])
    }

    /// Conformance case 302: the same leaf in two files, naming both files.
    func testSameLeafInTwoFilesIsAnErrorNamingBothFiles() {
        let scratch = ConfigScratch()
        let a = scratch.write("config/a.toml", model)
        let b = scratch.write("config/b.toml", "[models.gpt.providers.openai]\nmodel_name = \"gpt-4o\"\n")
        let result = ConfigLoader.load(scratch.absolute("config/*.toml"))
        let duplicates = result.diagnostics.filter { $0.code == .globDuplicateValue }
        XCTAssertEqual(duplicates.count, 1, listing(result))
        let found = duplicates.first
        XCTAssertEqual(found?.severity, .error)
        XCTAssertEqual(found?.keyPath, "models.gpt.providers.openai.model_name")
        XCTAssertEqual(found?.message, "Found duplicate values in globbed TOML config files `\(a)` and `\(b)`")
        XCTAssertEqual(found?.location, SourceLocation(file: b, line: 2, column: 1))
    }

    /// Conformance case 304: even equal values collide.
    func testEqualValuesInTwoFilesStillCollide() {
        let scratch = ConfigScratch()
        scratch.write("config/a.toml", "[gateway]\ndebug = true\n")
        scratch.write("config/b.toml", "[gateway]\ndebug = true\n")
        let result = ConfigLoader.load(scratch.absolute("config/*.toml"))
        XCTAssertEqual(result.diagnostics.map(\.code), [.globDuplicateValue], listing(result))
        XCTAssertEqual(result.diagnostics.first?.keyPath, "gateway.debug")
    }

    /// Conformance case 303: a table in one file and a value in another.
    func testTableInOneFileAndValueInAnotherIsATypeClash() {
        let scratch = ConfigScratch()
        let a = scratch.write("config/a.toml", function)
        let b = scratch.write("config/b.toml", "functions = 3\n")
        let result = ConfigLoader.load(scratch.absolute("config/*.toml"))
        let clashes = result.diagnostics.filter { $0.code == .globTypeClash }
        XCTAssertEqual(clashes.count, 1, listing(result))
        XCTAssertEqual(clashes.first?.severity, .error)
        XCTAssertEqual(clashes.first?.keyPath, "functions")
        XCTAssertEqual(clashes.first?.message, "Cannot merge `integer` from file `\(b)` into a table from file `\(a)`")
        XCTAssertEqual(clashes.first?.location, SourceLocation(file: b, line: 1, column: 13))
    }

    func testGlobMatchingNothingIsAnError() {
        let scratch = ConfigScratch()
        let pattern = scratch.absolute("config/*.toml")
        let result = ConfigLoader.load(pattern)
        XCTAssertEqual(result.diagnostics.map(\.code), [.noFilesMatched], listing(result))
        XCTAssertEqual(result.diagnostics.first?.severity, .error)
        XCTAssertNil(result.diagnostics.first?.location)
        XCTAssertTrue(result.diagnostics.first?.message.contains("No files matched the glob pattern") == true)
        XCTAssertTrue(result.diagnostics.first?.message.contains(pattern) == true)
    }

    /// Conformance case 305: a relative glob whose first component has a wildcard matches nothing.
    func testRelativeGlobStartingWithAWildcardMatchesNothing() {
        let result = ConfigLoader.load("*/tensorzero.toml")
        XCTAssertEqual(result.diagnostics.map(\.code), [.noFilesMatched])
    }

    func testSyntaxErrorInOneFileIsReportedWhileTheOthersAreStillChecked() {
        let scratch = ConfigScratch()
        scratch.write("config/a.toml", model + "enable_agi = true\n")
        let broken = scratch.write("config/b.toml", "[functions.answer]\ntype = \"chat\n")
        let result = ConfigLoader.load(scratch.absolute("config/*.toml"))
        let syntax = result.diagnostics.filter { $0.code == .tomlSyntax }
        XCTAssertEqual(syntax.count, 1, listing(result))
        XCTAssertEqual(syntax.first?.location?.file, broken)
        XCTAssertEqual(syntax.first?.location?.line, 2)
        XCTAssertTrue(syntax.first?.message.hasPrefix("Failed to parse config file as valid TOML") == true)
        XCTAssertTrue(result.diagnostics.contains { $0.code == .unknownField && $0.keyPath == "models.gpt.providers.openai.enable_agi" }, listing(result))
        XCTAssertEqual(result.config.models.map(\.name.value), ["gpt"])
    }

    func testEmptyConfigIsANote() {
        let scratch = ConfigScratch()
        let path = scratch.write("tensorzero.toml", "# nothing yet\n")
        let result = ConfigLoader.load(path)
        XCTAssertEqual(result.diagnostics.map(\.code), [.emptyConfig])
        XCTAssertEqual(result.diagnostics.first?.severity, .note)
        XCTAssertEqual(result.diagnostics.first?.location, SourceLocation(file: path, line: 1, column: 1))
    }

    func testRecursiveGlobFindsNestedFiles() {
        let scratch = ConfigScratch()
        let a = scratch.write("config/models/a.toml", model)
        let b = scratch.write("config/functions/deep/b.toml", function)
        let result = ConfigLoader.load(scratch.absolute("config/**/*.toml"))
        XCTAssertTrue(result.diagnostics.isEmpty, listing(result))
        XCTAssertEqual(Set(result.config.files), [a, b])
    }

    func testLoadFromTextReportsItsFile() {
        let result = ConfigLoader.load(text: "enable_agi = 1\n", file: "/virtual/tensorzero.toml")
        XCTAssertEqual(result.diagnostics.first?.location, SourceLocation(file: "/virtual/tensorzero.toml", line: 1, column: 1))
        XCTAssertEqual(result.config.files, ["/virtual/tensorzero.toml"])
    }
}
