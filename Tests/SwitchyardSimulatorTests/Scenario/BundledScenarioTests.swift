import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// The scenario files shipped in `scenarios/` and `Benchmarks/` parse without a diagnostic.
final class BundledScenarioTests: XCTestCase {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func bundledScenarioFiles() -> [String] {
        var files: [String] = []
        for folder in ["scenarios", "Benchmarks"] {
            let root = Self.repositoryRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".scenario.toml") {
                files.append(root.appendingPathComponent(path).path)
            }
        }
        return files.sorted()
    }

    func testBundledScenariosParseCleanly() throws {
        let files = bundledScenarioFiles()
        XCTAssertFalse(files.isEmpty, "no bundled scenario found under \(Self.repositoryRoot.path)")
        for file in files {
            let (scenario, diagnostics) = ScenarioParser.parse(file: file)
            XCTAssertEqual(diagnostics.map(\.description), [], file)
            let parsed = try XCTUnwrap(scenario, file)
            XCTAssertFalse(parsed.phases.isEmpty, file)
            XCTAssertTrue(parsed.configPattern.value.hasPrefix(URL(fileURLWithPath: file).deletingLastPathComponent().path + "/"), file)
        }
    }
}
