import XCTest
@testable import SwitchyardPlan

/// The renderer's behaviour outside the golden cases: variables it reads, strict undefined values, and the
/// constructs it refuses instead of rendering them differently from MiniJinja.
final class MiniJinjaTemplateTests: XCTestCase {
    private func render(_ source: String, _ arguments: JSONValue = .object([:])) throws -> String {
        try MiniJinjaTemplate(source: source).render(arguments)
    }

    private func variables(_ source: String) throws -> [String] {
        try MiniJinjaTemplate(source: source).undeclaredVariables.sorted()
    }

    private func syntaxError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> TemplateSyntaxError? {
        do {
            _ = try MiniJinjaTemplate(source: source)
            XCTFail("`\(source)` parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func renderError(_ source: String, _ arguments: JSONValue = .object([:]), file: StaticString = #filePath, line: UInt = #line) -> TemplateRenderError? {
        do {
            let output = try MiniJinjaTemplate(source: source).render(arguments)
            XCTFail("`\(source)` rendered `\(output)`", file: file, line: line)
            return nil
        } catch let error as TemplateRenderError {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    func testUndeclaredVariablesAreTheNamesReadFromTheArguments() throws {
        XCTAssertEqual(try variables("You are a helpful assistant. {not a tag}"), [])
        XCTAssertEqual(try variables("Hi {{ name }}, you are {{- persona -}}."), ["name", "persona"])
        XCTAssertEqual(try variables("{{ user.name | upper }} {{ items | join(', ') }}"), ["items", "user"])
        XCTAssertEqual(try variables("{% set greeting = 'hi' %}{% for item in items %}{{ greeting }} {{ item }}{% endfor %}"), ["items"])
        XCTAssertEqual(try variables("{% if verbose and level > 2 %}x{% endif %}"), ["level", "verbose"])
        XCTAssertEqual(try variables("{# {{ hidden }} #}{{ 'literal' }}{{ true }}{% for x in [1, 2] %}{{ loop.index }}{% endfor %}"), [])
        XCTAssertEqual(try variables("{% if flag is defined %}{% endif %}{{ other|default('x') }}"), ["flag", "other"])
        XCTAssertEqual(try variables("{{ before }}{% set before = 1 %}{{ before }}"), ["before"])
    }

    func testUndefinedValuesFailWithTheLineThatUsedThem() {
        let printed = renderError("line one\n{{ missing }}")
        XCTAssertEqual(printed, TemplateRenderError("undefined value", line: 2))
        XCTAssertEqual(renderError("{% if flag %}x{% endif %}")?.message, "undefined value")
        XCTAssertEqual(renderError("{{ user.missing }}", .object(["user": .object([:])]))?.message, "undefined value")
        XCTAssertEqual(renderError("{{ user.name.first }}", .object(["user": .object([:])]))?.message, "undefined value")
        XCTAssertEqual(renderError("{% for x in nothing %}{% endfor %}")?.message, "undefined value")
    }

    func testDefinedTestsAndDefaultHandleUndefinedValues() throws {
        XCTAssertEqual(try render("{% if x is defined %}yes{% else %}no{% endif %} {{ x|default('d') }} {{ y|default('d') }}", .object(["y": .null])), "no d none")
        XCTAssertEqual(try render("{{ y|default('d', true) }}", .object(["y": .string("")])), "d")
    }

    func testOnlyOneTrailingNewlineIsDropped() throws {
        XCTAssertEqual(try render("a\n\n"), "a\n")
        XCTAssertEqual(try render("a\r\n"), "a")
    }

    func testRawBlocksAreText() throws {
        XCTAssertEqual(try render("{% raw %}{{ not }} {% if %}{% endraw %}!"), "{{ not }} {% if %}!")
        XCTAssertEqual(try render("a {%- raw -%} b {%- endraw -%} c"), "abc")
    }

    func testLoopsOverMapsAndStringsAndWithFilters() throws {
        let arguments: JSONValue = .object(["m": .object(["b": .int(2), "a": .int(1)]), "s": .string("hé"), "n": .array([.int(1), .int(2), .int(3), .int(4)])])
        XCTAssertEqual(try render("{% for k in m %}{{ k }}{% endfor %}|{% for c in s %}[{{ c }}]{% endfor %}", arguments), "ab|[h][é]")
        XCTAssertEqual(try render("{% for x in n if x is even %}{{ x }}/{{ loop.length }} {% endfor %}", arguments), "2/2 4/2 ")
        XCTAssertEqual(try render("{% for k, v in m|items %}{{ k }}={{ v }};{% endfor %}", arguments), "a=1;b=2;")
    }

    func testOperatorsFollowMiniJinja() throws {
        XCTAssertEqual(try render("{{ 1 + 2 * 3 }} {{ 2 ** 10 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 'a' if x else 'b' }}", .object(["x": .bool(false)])), "7 1024 -4 2 true false b")
        XCTAssertEqual(try render("{{ 'ab' + 'cd' }} {{ [1] + [2] }} {{ 1 == 1.0 }} {{ 'b' > 'a' }}"), "abcd [1, 2] true true")
        XCTAssertEqual(renderError("{{ 1 / 0 }}")?.message, "invalid operation: division by zero")
        XCTAssertEqual(renderError("{{ 'a' < 1 }}")?.message, "invalid operation: tried to compare string with number")
    }

    func testUnsupportedConstructsAreRefusedByName() {
        let cases = [
            "{% macro greet() %}hi{% endmacro %}": "`{% macro %}`",
            "{% include 'other.minijinja' %}": "`{% include %}`",
            "{% extends 'base' %}": "`{% extends %}`",
            "{{ range(3) }}": "function calls (`range(…)`)",
            "{{ name.upper() }}": "method calls",
            "{{ items[1:] }}": "slices",
            "{{ x|indent(2) }}": "filter `indent`",
            "{{ x|tojson(indent=2) }}": "keyword arguments",
            "{% if x is sameas y %}{% endif %}": "test `sameas`",
            "{% set x %}block{% endset %}": "block `{% set %}`",
            "{% for x in xs recursive %}{% endfor %}": "recursive `for` loops",
        ]
        for (source, construct) in cases {
            guard let error = syntaxError(source) else { continue }
            XCTAssertTrue(error.isUnsupported, "\(source): \(error)")
            XCTAssertTrue(error.message.contains(construct), "\(source): `\(error.message)` should name \(construct)")
        }
    }

    func testSyntaxErrorsSayWhere() {
        let unclosed = syntaxError("Hello\n  {{ name ")
        XCTAssertEqual(unclosed?.message, "unexpected end of input, expected end of variable block")
        XCTAssertEqual(unclosed.map { [$0.line, $0.column] }, [2, 3])
        XCTAssertEqual(unclosed?.isUnsupported, false)
        XCTAssertEqual(syntaxError("{% if x %}open")?.message, "unexpected end of input, expected `elif` or `else` or `endif`")
        XCTAssertEqual(syntaxError("{% endfor %}")?.message, "unknown statement endfor")
        XCTAssertEqual(syntaxError("{{ 'open }}")?.message, "unexpected end of string")
    }
}
