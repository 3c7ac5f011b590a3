import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Templates that TensorZero refuses to load, or that Switchyard cannot render as MiniJinja does.
final class TemplateSyntaxRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func config(_ key: String = "templates.greet.path", file: String = "greet.minijinja") -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "chat"

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        \(key) = "\(file)"

        """
    }

    func testSyntaxErrorPointsAtTheConfigKeyAndNamesTheTemplateLine() {
        let outcome = compile(config(), env: env, files: ["greet.minijinja": "Hello\n{{ name "], onDisk: true)
        assertDiagnostic(
            outcome, .templateSyntax, .error, path: "functions.answer.variants.alpha.templates.greet",
            at: outcome.position(of: "\"greet.minijinja\""),
            messageContains: ["`greet.minijinja`:2:1: syntax error: unexpected end of input, expected end of variable block (in greet.minijinja:2)"]
        )
        XCTAssertNil(outcome.plan)
    }

    func testUnsupportedConstructIsAnErrorNamingIt() {
        let outcome = compile(
            config("system_template", file: "system.minijinja"), env: env,
            files: ["system.minijinja": "{{ system_text }}\n{% include 'footer.minijinja' %}"], onDisk: true
        )
        assertDiagnostic(
            outcome, .templateUnsupported, .error, path: "functions.answer.variants.alpha.system_template",
            at: outcome.position(of: "\"system.minijinja\""),
            messageContains: ["`system.minijinja`:2:4: `{% include %}` is not supported"]
        )
    }

    func testRenderableTemplateIsAccepted() {
        let outcome = compile(config(), env: env, files: ["greet.minijinja": "{% for n in names %}{{ loop.index }}. {{ n|title }}\n{% endfor %}"], onDisk: true)
        assertNoDiagnostic(outcome, .templateSyntax)
        assertNoDiagnostic(outcome, .templateUnsupported)
        assertNoErrors(outcome)
    }
}
