import Foundation
import SwitchyardPlan
import XCTest

/// `switchyard diff` between two shipped examples: replacing a second routing entry with a fallback credential.
final class GoldenDiffTests: XCTestCase {
    private let old = "scenarios/dynamic-credentials/tensorzero.toml"
    private let new = "scenarios/fallback-credential/tensorzero.toml"

    func testTheDiffOfTwoExamplesMatchesItsGoldenFile() throws {
        let markdown = try diff().markdown(denying: [.lostLastFallback])
        switch try GoldenFiles.compare(markdown, with: "golden/diff/dynamic-to-fallback-credential.md") {
        case .match: break
        case .recorded: XCTFail("recorded golden/diff/dynamic-to-fallback-credential.md; unset SWITCHYARD_RECORD_GOLDEN and run again")
        case .mismatch(let diff): XCTFail("golden/diff/dynamic-to-fallback-credential.md differs:\n\(diff)")
        }
    }

    /// The second routing entry was the only other route: the change loses the last fallback, and only that.
    func testTheChangeCrossesOnlyTheLostFallbackRule() throws {
        XCTAssertEqual(try diff().crossed.map(\.rule), [.lostLastFallback])
    }

    func testTheReadmeShowsTheGoldenDiff() throws {
        let readme = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let golden = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("golden/diff/dynamic-to-fallback-credential.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("$ switchyard diff \(old) \(new) --deny lost-last-fallback\n" + golden + "````"))
    }

    private func diff() throws -> PlanDiff {
        try GoldenFiles.withCurrentDirectory(GoldenFiles.packageRoot) {
            let before = try XCTUnwrap(StandInEnvironment.compile(configAt: old).0.plan)
            let after = try XCTUnwrap(StandInEnvironment.compile(configAt: new).0.plan)
            return PlanDiff(old: before, new: after, oldName: old, newName: new)
        }
    }
}
