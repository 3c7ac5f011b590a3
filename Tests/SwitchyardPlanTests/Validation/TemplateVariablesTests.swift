import XCTest
@testable import SwitchyardPlan

/// The variables a MiniJinja template reads from its context.
final class TemplateVariablesTests: XCTestCase {
    private func variables(_ template: String) -> [String] { TemplateVariables.undeclared(in: template).sorted() }

    func testPlainTextHasNoVariables() {
        XCTAssertEqual(variables("You are a helpful assistant. {not a tag}"), [])
    }

    func testExpressionVariablesAreFound() {
        XCTAssertEqual(variables("Hi {{ name }}, you are {{- persona -}}."), ["name", "persona"])
    }

    func testAttributeAndFilterNamesAreNotVariables() {
        XCTAssertEqual(variables("{{ user.name | upper }} {{ items | join(', ') }}"), ["items", "user"])
    }

    func testSetAndForTargetsAreDeclaredByTheTemplate() {
        XCTAssertEqual(variables("{% set greeting = 'hi' %}{% for item in items %}{{ greeting }} {{ item }}{% endfor %}"), ["items"])
    }

    func testStatementConditionsAreVariables() {
        XCTAssertEqual(variables("{% if verbose and level > 2 %}x{% endif %}"), ["level", "verbose"])
    }

    func testCommentsStringLiteralsKeywordsAndLoopAreIgnored() {
        XCTAssertEqual(variables("{# {{ hidden }} #}{{ 'literal' }}{{ true }}{% for x in [1, 2] %}{{ loop.index }}{% endfor %}"), [])
    }

    func testTestNamesAreNotVariables() {
        XCTAssertEqual(variables("{% if flag is defined %}{% endif %}"), ["flag"])
    }

    func testKeywordArgumentNamesAreNotVariables() {
        XCTAssertEqual(variables("{{ render(style=mode) }}"), ["mode", "render"])
    }
}
