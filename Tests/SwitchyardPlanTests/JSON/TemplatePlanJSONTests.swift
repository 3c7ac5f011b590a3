import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// A variant's templates and schemas in the plan: path as written, content hash, template source; read back
/// by `serve --plan`, refused when the source was edited by hand.
final class TemplatePlanJSONTests: XCTestCase {
    private let toml = Snippet.openAIModel("gpt") + """
    [functions.answer]
    type = "chat"
    system_schema = "schemas/system.json"

    [functions.answer.variants.v]
    type = "chat_completion"
    model = "gpt"
    system_template = "prompts/system.minijinja"
    templates.greet.path = "prompts/greet.minijinja"
    """

    private let files = [
        "prompts/system.minijinja": "You are {{ persona }}.\n",
        "prompts/greet.minijinja": "Hi {{ name }}",
        "schemas/system.json": #"{"type": "object", "properties": {"persona": {"type": "string"}}}"#,
    ]

    private func plan() throws -> RoutingPlan {
        let outcome = compile(toml, env: Snippet.openAIEnvironment, files: files, onDisk: true)
        return try XCTUnwrap(outcome.plan, outcome.listing)
    }

    func testTemplatesAndSchemasAreRecordedWithTheirHashes() throws {
        let variant = try XCTUnwrap(try plan().functions["answer"]?.variants["v"])
        let system = try XCTUnwrap(variant.templates["system"])
        XCTAssertEqual(system.file.path, "prompts/system.minijinja")
        // `printf 'You are {{ persona }}.\n' | sha256sum`
        XCTAssertEqual(system.file.sha256, "16c529a2c98c4c8d9ed47c5f39365c09a4206a62f688b8e1aa805343a6c335ea")
        XCTAssertTrue(system.isRoleField)
        XCTAssertEqual(system.source, "You are {{ persona }}.\n")
        XCTAssertEqual(variant.templates["greet"]?.isRoleField, false)
        XCTAssertEqual(variant.schemas.keys.sorted(), ["system"])
        XCTAssertEqual(variant.schemas["system"]?.path, "schemas/system.json")
    }

    func testThePlanReadsBackWithItsTemplates() throws {
        let text = try plan().canonicalJSON
        XCTAssertTrue(text.contains("\"path\": \"prompts/greet.minijinja\""), text)
        let readBack = try PlanFile.decode(Array(text.utf8), path: "plan.json")
        XCTAssertEqual(readBack.canonicalJSON, text)
        XCTAssertEqual(try readBack.functions["answer"]?.variants["v"]?.templates["greet"]?.template.render(.object(["name": .string("Ann")])), "Hi Ann")
    }

    func testAnEditedTemplateSourceIsRefused() throws {
        let text = try plan().canonicalJSON.replacingOccurrences(of: "Hi {{ name }}", with: "Hi {{ name }}!")
        XCTAssertThrowsError(try PlanFile.decode(Array(text.utf8), path: "plan.json")) { error in
            XCTAssertTrue("\(error)".contains("functions.answer.variants.v.templates.greet.source`: the template source does not match its `sha256`"), "\(error)")
        }
    }
}
