import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `switchyard diff` names template and schema edits per variant.
final class TemplateDiffTests: XCTestCase {
    private func plan(template: String, variant: String = "templates.greet.path = \"greet.minijinja\"", schema: String = "{}") throws -> RoutingPlan {
        let toml = Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"
        schemas.greet.path = "greet.json"

        [functions.answer.variants.v]
        type = "chat_completion"
        model = "gpt"
        \(variant)
        """
        let outcome = compile(toml, env: Snippet.openAIEnvironment, files: ["greet.minijinja": template, "other.minijinja": template, "greet.json": schema], onDisk: true)
        return try XCTUnwrap(outcome.plan, outcome.listing)
    }

    func testAnEditedTemplateIsAChangedLineWithItsHashes() throws {
        let old = try plan(template: "Hi {{ name }}"), new = try plan(template: "Hello {{ name }}")
        let diff = PlanDiff(old: old, new: new, oldName: "a", newName: "b")
        let was = try XCTUnwrap(old.functions["answer"]?.variants["v"]?.templates["greet"]?.file.sha256.prefix(12))
        let now = try XCTUnwrap(new.functions["answer"]?.variants["v"]?.templates["greet"]?.file.sha256.prefix(12))
        XCTAssertEqual(diff.functions.map(\.lines), [["variant `v`: template `greet` changed: `greet.minijinja`, sha256 \(was) → \(now)"]])
        XCTAssertFalse(diff.isEmpty)
    }

    func testAMovedTemplateAndAnEditedSchemaAreNamed() throws {
        let old = try plan(template: "Hi {{ name }}")
        let new = try plan(template: "Hi {{ name }}", variant: "templates.greet.path = \"other.minijinja\"", schema: #"{"type": "object"}"#)
        let lines = PlanDiff(old: old, new: new, oldName: "a", newName: "b").functions.flatMap(\.lines)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertEqual(lines.first, "variant `v`: template `greet` changed: `greet.minijinja` → `other.minijinja`, same contents")
        XCTAssertTrue(lines.last?.hasPrefix("variant `v`: schema `greet` changed: `greet.json`, sha256 ") == true, "\(lines)")
    }

    func testUnchangedTemplatesMakeNoLines() throws {
        XCTAssertTrue(PlanDiff(old: try plan(template: "Hi {{ name }}"), new: try plan(template: "Hi {{ name }}"), oldName: "a", newName: "b").isEmpty)
    }
}
