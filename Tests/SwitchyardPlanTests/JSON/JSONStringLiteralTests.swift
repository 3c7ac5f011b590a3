import XCTest
@testable import SwitchyardPlan

/// String literals escaped as serde_json escapes them (TensorZero's prompts, MiniJinja's `tojson`).
final class JSONStringLiteralTests: XCTestCase {
    func testQuotesBackslashesAndControlCharactersAreEscapedAndNothingElse() {
        XCTAssertEqual(JSONStringLiteral.quoted("a\"b\\c\nd\u{1}é/\t\r\u{8}\u{c}\u{1f}"), #""a\"b\\c\nd\u0001é/\t\r\b\f\u001f""#)
        XCTAssertEqual(JSONStringLiteral.quoted("<a href='x'>&</a>"), #""<a href='x'>&</a>""#)
    }

    func testHTMLSafeQuotingEscapesMarkupCharactersAsMiniJinjaDoes() {
        XCTAssertEqual(JSONStringLiteral.quoted("<a href='x'>&</a>", htmlSafe: true), #""\u003ca href=\u0027x\u0027\u003e\u0026\u003c/a\u003e""#)
    }
}
