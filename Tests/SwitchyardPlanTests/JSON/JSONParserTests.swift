import XCTest
@testable import SwitchyardPlan

/// Reading JSON text back into `JSONValue`, as `serve --plan` reads a plan.
final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    private func syntaxError(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    func testIntegersAndFractionsStayApart() throws {
        XCTAssertEqual(try parse("[1, -2, 1.0, 0.5, 1e3, 9223372036854775807]"), .array([.int(1), .int(-2), .double(1), .double(0.5), .double(1000), .int(.max)]))
    }

    func testObjectsNestAndKeepEveryMember() throws {
        let value = try parse(#" {"a": {"b": [true, false, null]}, "c": ""} "#)
        XCTAssertEqual(value, .object(["a": .object(["b": .array([.bool(true), .bool(false), .null])]), "c": .string("")]))
    }

    func testEscapesIncludingSurrogatePairs() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#), .string("a\"b\\c/d\n\té😀"))
    }

    func testCanonicalTextReadsBackToTheSameBytes() throws {
        let value = JSONValue.object([
            "weights": .array([.double(0.3333333333333333), .double(2), .int(7)]), "name": .string("tab\there \"quoted\""), "empty": .object([:]),
        ])
        let text = CanonicalJSONWriter.render(value)
        XCTAssertEqual(CanonicalJSONWriter.render(try parse(text)), text)
    }

    func testErrorsSayWhereAndWhy() {
        XCTAssertEqual(syntaxError("{\n  \"a\": 1,\n}"), JSONParser.SyntaxError(line: 3, column: 1, reason: "expected a string key"))
        XCTAssertEqual(syntaxError(#"{"a": tru}"#)?.reason, "invalid literal, expected `true`")
        XCTAssertEqual(syntaxError(#"{"a": 1} x"#)?.reason, "unexpected text after the document")
        XCTAssertEqual(syntaxError(#"{"a": 1, "a": 2}"#), JSONParser.SyntaxError(line: 1, column: 10, reason: "duplicate key `a`"))
        XCTAssertEqual(syntaxError("[01]")?.reason, "a number cannot start with `0` followed by digits")
        XCTAssertEqual(syntaxError("\"open")?.reason, "unterminated string")
        XCTAssertEqual(syntaxError("\"a\u{01}\"")?.reason, "control character in a string (write it as an escape)")
        XCTAssertEqual(syntaxError(#""\ud800x""#)?.reason, #"unpaired surrogate in `\u` escape"#)
        XCTAssertEqual(syntaxError("")?.reason, "unexpected end of input, expected a value")
        XCTAssertEqual(syntaxError(String(repeating: "[", count: 600))?.reason, "nested deeper than 512 levels")
    }
}
