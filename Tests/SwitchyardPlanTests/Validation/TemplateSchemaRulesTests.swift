import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// A role template without a schema may only read its message text (reference §4,
/// `test_config_system_schema_is_needed`, conformance case 243).
final class TemplateSchemaRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func function(templates: String, schemas: String = "") -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"
        \(schemas)

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        \(templates)

        """
    }

    func testSystemTemplateWithVariablesButNoSchemaIsAnError() {
        let outcome = compile(
            function(templates: "system_template = \"system.minijinja\""), env: env,
            files: ["system.minijinja": "You are {{ persona }} speaking {{ language }}."], onDisk: true
        )
        assertDiagnostic(
            outcome, .templateFile, .error, path: "functions.answer.variants.alpha.system_template",
            at: outcome.position(of: "\"system.minijinja\""),
            messageContains: ["template needs variables: [language, persona] but only `system_text` is allowed when template has no schema"]
        )
    }

    func testUserTemplateMayOnlyReadUserText() {
        let outcome = compile(
            function(templates: "user_template = \"user.minijinja\""), env: env,
            files: ["user.minijinja": "{{ user_text }} and {{ system_text }}"], onDisk: true
        )
        assertDiagnostic(
            outcome, .templateFile, .error, path: "functions.answer.variants.alpha.user_template",
            at: outcome.position(of: "\"user.minijinja\""),
            messageContains: ["template needs variables: [system_text] but only `user_text` is allowed"]
        )
    }

    func testTemplateReadingOnlyItsRoleTextIsAccepted() {
        let outcome = compile(
            function(templates: "system_template = \"system.minijinja\"\nassistant_template = \"assistant.minijinja\""), env: env,
            files: ["system.minijinja": "Context: {{ system_text }}", "assistant.minijinja": "{{ assistant_text }}"], onDisk: true
        )
        assertNoDiagnostic(outcome, .templateFile)
        assertNoErrors(outcome)
    }

    func testTemplateWithVariablesAndASchemaIsAccepted() {
        let outcome = compile(
            function(templates: "system_template = \"system.minijinja\"", schemas: "system_schema = \"system.json\""), env: env,
            files: [
                "system.minijinja": "You are {{ persona }}.",
                "system.json": #"{"type": "object", "properties": {"persona": {"type": "string"}}}"#,
            ],
            onDisk: true
        )
        assertNoDiagnostic(outcome, .templateFile)
        assertNoErrors(outcome)
    }

    func testTemplateThatDefinesItsOwnVariablesIsAccepted() {
        let outcome = compile(
            function(templates: "system_template = \"system.minijinja\""), env: env,
            files: ["system.minijinja": "{% set tone = 'kind' %}{% for word in ['a', 'b'] %}{{ word | upper }}{% endfor %} {{ tone }} {{ system_text }}"],
            onDisk: true
        )
        assertNoDiagnostic(outcome, .templateFile)
    }
}
