import Foundation
import SwitchyardConfig
import SwitchyardPlan
import XCTest

/// Compiles every example under `scenarios/` with its `example.env` and compares the plan, the `check`
/// output and the `explain` tree with `golden/`, byte for byte.
///
/// Re-record on purpose with `SWITCHYARD_RECORD_GOLDEN=1 swift test --filter Golden`; a recording run fails.
final class GoldenExampleTests: XCTestCase {
    func testEveryExampleMatchesItsGoldenFiles() throws {
        let root = GoldenFiles.packageRoot
        let examples = try GoldenFiles.exampleFolders()
        XCTAssertGreaterThanOrEqual(examples.count, 26, "the examples went missing")
        var mismatches: [String] = []
        var recorded: [String] = []
        for example in examples {
            let outputs = try compile(example, root: root)
            for (name, actual) in outputs {
                let golden = "golden/\(example)/\(name)"
                switch try GoldenFiles.compare(actual, with: golden) {
                case .match: break
                case .recorded: recorded.append(golden)
                case .mismatch(let diff): mismatches.append("\(golden) differs:\n\(diff)")
                }
            }
        }
        XCTAssertTrue(recorded.isEmpty, "recorded \(recorded.count) golden files; unset SWITCHYARD_RECORD_GOLDEN and run again:\n" + recorded.joined(separator: "\n"))
        XCTAssertTrue(mismatches.isEmpty, mismatches.joined(separator: "\n\n"))
    }

    /// Plan JSON, `check` text and `explain` tree of one example, with paths as a user in the package root types them.
    private func compile(_ example: String, root: URL) throws -> [(String, String)] {
        let folder = root.appendingPathComponent(example)
        let (environment, envDiagnostics) = EnvironmentFile.read(folder.appendingPathComponent("example.env").path)
        XCTAssertTrue(envDiagnostics.isEmpty, "\(example)/example.env: \(envDiagnostics)")
        let loaded = try GoldenFiles.withCurrentDirectory(root) { ConfigLoader.load("\(example)/tensorzero.toml") }
        let compilation = Compiler.compile(loaded, environment: environment, workingDirectory: folder.path)
        var outputs = [("check.txt", CheckReport(compilation).text)]
        if let plan = compilation.plan {
            outputs.append(("plan.json", plan.canonicalJSON))
            outputs.append(("explain.txt", PlanExplainer(plan: plan).explain(nil) ?? ""))
        }
        return outputs
    }
}
