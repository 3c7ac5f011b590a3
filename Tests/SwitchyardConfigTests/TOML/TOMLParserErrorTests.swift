import SwitchyardConfig
import XCTest

/// What the parser rejects, with which message, and where (the offending character).
final class TOMLParserErrorTests: XCTestCase {
    // MARK: Redefinitions

    func testDuplicateKeyNamesTheFirstDefinition() throws {
        assertSyntaxError("a = 1\nb = 2\na = 3", "duplicate key `a` (first defined at 1:1)", at: 3, 1)
        do {
            _ = try TOMLParser.parse("a = 1\na = 2", file: "dir/conf.toml")
            XCTFail("expected a duplicate key error")
        } catch {
            XCTAssertEqual(error.description, "dir/conf.toml:2:1: duplicate key `a` (first defined at 1:1)")
        }
    }

    func testTablesCannotBeDefinedTwice() {
        assertSyntaxError("[t]\nx = 1\n[t]", "duplicate key `t`: table `[t]` is defined twice (first defined at 1:1)", at: 3, 2)
        assertSyntaxError("[a.b]\n[a]\n[a.b]", "duplicate key `a.b`", at: 3, 4)
    }

    func testValuesCannotBeReusedAsTables() {
        assertSyntaxError("1.5 = 'x'\n1 = 2", "duplicate key `1` (first defined at 1:1)", at: 2, 1)
        assertSyntaxError("a = 1\n[a.b]", "duplicate key `a`: already defined as an integer", at: 2, 2)
        assertSyntaxError("a = 1\na.b = 2", "so it cannot hold keys", at: 2, 1)
    }

    func testInlineTablesAndStaticArraysAreClosed() {
        assertSyntaxError("a = {x = 1}\na.y = 2", "duplicate key `a`: an inline table cannot be extended", at: 2, 1)
        assertSyntaxError("a = {x = 1}\n[a.z]", "an inline table cannot be extended", at: 2, 2)
        assertSyntaxError("a = { b = { c = 1 }, b.d = 2 }", "duplicate key `b`: an inline table", at: 1, 22)
        assertSyntaxError("a = []\n[[a]]", "duplicate key `a`: already defined as an array; `[[a]]` cannot extend it", at: 2, 3)
    }

    func testDottedKeysCannotReopenHeaderTablesAndHeadersCannotReopenDottedTables() {
        assertSyntaxError("[a.b]\n[a]\nb.c = 1", "a table defined by a `[header]` cannot be extended with dotted keys", at: 3, 1)
        assertSyntaxError("[a]\nb.c = 1\n[a.b]", "duplicate key `a.b`: table was already created by dotted keys", at: 3, 4)
        assertSyntaxError("[[t]]\nx.y = 1\n[t]", "already defined as an array of tables (first defined at 1:1)", at: 3, 2)
        assertSyntaxError("[t]\n[[t]]", "already defined as a table, not an array of tables", at: 2, 3)
    }

    // MARK: Strings

    func testStringErrors() {
        assertSyntaxError(#"s = "abc"#, "unterminated string (opened at 1:5)", at: 1, 9)
        assertSyntaxError("s = \"abc\nx = 1", "a basic string cannot span lines", at: 1, 9)
        assertSyntaxError(#"s = "\q""#, "invalid escape sequence `\\q`", at: 1, 6)
        assertSyntaxError(#"s = "\uD800""#, "escape `\\uD800` is not a Unicode scalar value", at: 1, 6)
        assertSyntaxError("s = \"a\u{1}b\"", "control character U+0001 is not allowed in a string", at: 1, 7)
        assertSyntaxError("s = 'a\rb'", "control character U+000D is not allowed in a string", at: 1, 7)
        assertSyntaxError("s = '''\nok\n", "unterminated string (opened at 1:5)", at: 3, 1)
        assertSyntaxError("s = \"\"\"a\"\"\"\"\"\"", "cannot contain three or more consecutive", at: 1, 9)
        assertSyntaxError("\"\"\"k\"\"\" = 1", "multi-line strings cannot be used as keys", at: 1, 1)
    }

    // MARK: Numbers and date-times

    func testNumberErrors() {
        assertSyntaxError("n = 012", "leading zeros are not allowed", at: 1, 5)
        assertSyntaxError("n = 9223372036854775808", "does not fit in a 64-bit signed integer", at: 1, 5)
        assertSyntaxError("n = -0x1", "cannot have a sign", at: 1, 5)
        assertSyntaxError("n = 1__0", "an underscore in a number must be between two digits", at: 1, 6)
        assertSyntaxError("n = 1.", "expected a digit after the decimal point, found end of file", at: 1, 7)
        assertSyntaxError("n = 1e400", "out of range for a 64-bit float", at: 1, 5)
        assertSyntaxError("n = 0xG", "expected a digit after the base prefix, found `G`", at: 1, 7)
        assertSyntaxError("n = 12abc", "unexpected `a` after the value `12`", at: 1, 7)
    }

    func testDateTimeErrors() {
        assertSyntaxError("d = 2023-02-29", "day 29 is out of range for 2023-02 (01-28)", at: 1, 13)
        assertSyntaxError("d = 2023-13-01", "month 13 is out of range", at: 1, 10)
        assertSyntaxError("t = 07:32", "TOML 1.0 requires seconds", at: 1, 10)
        assertSyntaxError("t = 24:00:00", "hour 24 is out of range", at: 1, 5)
        assertSyntaxError("t = 1979-05-27T07:32:00+25:00", "offset hour 25 is out of range", at: 1, 25)
        assertSyntaxError("t = 07:32:00Z", "unexpected `Z` after the value `07:32:00`", at: 1, 13)
    }

    // MARK: Structure

    func testMissingOrUnquotedValues() {
        assertSyntaxError("a =", "expected a value, found end of file", at: 1, 4)
        assertSyntaxError("a = # nothing", "expected a value, found `#`", at: 1, 5)
        assertSyntaxError("a = hello", "invalid value `hello` (strings must be quoted)", at: 1, 5)
        assertSyntaxError("a = truer", "unexpected `r` after the value `true`", at: 1, 9)
        assertSyntaxError("a 1", "expected `=` after the key `a`, found `1`", at: 1, 3)
        assertSyntaxError("= 1", "expected a key", at: 1, 1)
    }

    func testArrayAndInlineTableErrors() {
        assertSyntaxError("a = [1, 2", "expected `,` or `]` in the array, found end of file", at: 1, 10)
        assertSyntaxError("a = [1 2]", "expected `,` or `]` in the array, found `2`", at: 1, 8)
        assertSyntaxError("a = [,]", "expected a value, found `,`", at: 1, 6)
        assertSyntaxError("t = {a = 1,\nb = 2}", "an inline table must be on one line", at: 1, 12)
        assertSyntaxError("t = {a = 1,}", "a trailing comma is not allowed in an inline table", at: 1, 12)
        assertSyntaxError("t = {a = 1 b = 2}", "expected `,` or `}` in the inline table, found `b`", at: 1, 12)
        assertSyntaxError("a = " + String(repeating: "[", count: 200), "nested more than 128 levels deep", at: 1, 133)
    }

    func testHeaderErrors() {
        assertSyntaxError("[a\nb = 1", "expected `]` to close the table header, found end of line", at: 1, 3)
        assertSyntaxError("[[a]\n", "expected `]]` to close the array-of-tables header", at: 1, 5)
        assertSyntaxError("[a] b = 1", "expected end of line after the table header, found `b`", at: 1, 5)
        assertSyntaxError("[]", "expected a key", at: 1, 2)
        assertSyntaxError("[a.]", "expected a key", at: 1, 4)
    }

    // MARK: Characters, encodings and positions

    func testForbiddenCharacters() throws {
        assertSyntaxError("a = 1\rb = 2", "carriage return must be followed by a line feed", at: 1, 6)
        assertSyntaxError("a = 1 # comment \u{7F}", "control character U+007F is not allowed in a comment", at: 1, 17)
        assertSyntaxError("\u{C}a = 1", "expected a key (bare keys may only use A-Z a-z 0-9 _ -), found control character U+000C", at: 1, 1)
        do {
            _ = try TOMLParser.parse(bytes: Array("ok = 1\ns = \"".utf8) + [0xC3, 0x28, 0x22], file: "bad.toml")
            XCTFail("expected an encoding error")
        } catch {
            XCTAssertEqual(error.description, "bad.toml:2:6: invalid UTF-8 (byte 0xC3); TOML documents must be UTF-8")
        }
    }

    func testErrorColumnsCountUnicodeScalarsAndFollowMultilineStrings() {
        assertSyntaxError("\"é\" = 1 x", "expected end of line after the value, found `x`", at: 1, 9)
        assertSyntaxError("x = \"😀\" y", "found `y`", at: 1, 9)
        assertSyntaxError("s = \"\"\"\nabc\n\"\"\"\nx = ?", "invalid value `?`", at: 4, 5)
        assertSyntaxError("a = [\n  1,\n  2\n  3]", "expected `,` or `]` in the array, found `3`", at: 4, 3)
    }
}
