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

/// Schemas need templates, and templates should read only what their schema declares.
final class TemplateSchemaCoverageTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func config(function: String, variant: String) -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"
        \(function)

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        \(variant)

        """
    }

    func testRoleSchemaWithoutTheRoleTemplateIsAnError() {
        let outcome = compile(config(function: "user_schema = \"user.json\"", variant: ""), env: env, files: ["user.json": "{}"], onDisk: true)
        assertDiagnostic(
            outcome, .schemaWithoutTemplate, .error, path: "functions.answer.variants.alpha",
            at: outcome.position(of: "alpha"),
            messageContains: ["`functions.answer.variants.alpha.user_template`: template is required when schema is specified"]
        )
    }

    func testNamedSchemaWithoutTheNamedTemplateIsAnError() {
        let outcome = compile(config(function: "schemas.greet.path = \"greet.json\"", variant: ""), env: env, files: ["greet.json": "{}"], onDisk: true)
        assertDiagnostic(
            outcome, .schemaWithoutTemplate, .error, path: "functions.answer.variants.alpha",
            at: outcome.position(of: "alpha"),
            messageContains: ["`functions.answer.variants.alpha.templates.greet` is required when `functions.answer.schemas.greet` is specified"]
        )
    }

    func testVariableTheSchemaDoesNotDeclareIsAWarning() {
        let outcome = compile(
            config(function: "system_schema = \"system.json\"", variant: "system_template = \"system.minijinja\""), env: env,
            files: [
                "system.minijinja": "You are {{ persona }} in {{ tone }}{% if extra is defined %}{{ extra }}{% endif %}.",
                "system.json": #"{"type": "object", "properties": {"persona": {"type": "string"}}, "additionalProperties": false}"#,
            ],
            onDisk: true
        )
        assertDiagnostic(
            outcome, .templateVariableNotInSchema, .warning, path: "functions.answer.variants.alpha.system_template",
            at: outcome.position(of: "\"system.minijinja\""),
            messageContains: ["template reads `extra`, `tone`, which schema `system.json` does not declare and does not allow"]
        )
        assertNoErrors(outcome)
    }

    func testNamedTemplateWithItsSchemaIsAccepted() {
        let outcome = compile(
            config(function: "schemas.greet.path = \"greet.json\"", variant: "templates.greet.path = \"greet.minijinja\""), env: env,
            files: ["greet.minijinja": "Hi {{ name }}", "greet.json": #"{"type": "object", "properties": {"name": {"type": "string"}}}"#],
            onDisk: true
        )
        assertNoDiagnostic(outcome, .templateVariableNotInSchema)
        assertNoDiagnostic(outcome, .schemaWithoutTemplate)
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.functions["answer"]?.variants["alpha"]?.templates["greet"]?.isRoleField, false)
        XCTAssertEqual(outcome.plan?.functions["answer"]?.variants["alpha"]?.schemas["greet"]?.path, "greet.json")
    }
}
