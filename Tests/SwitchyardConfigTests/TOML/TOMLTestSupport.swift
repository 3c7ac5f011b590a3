import SwitchyardConfig
import XCTest

/// Parses `text` as `test.toml`, failing the test (and returning an empty table) on a syntax error.
func parseTOML(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TOMLTable {
    do {
        return try TOMLParser.parse(text, file: "test.toml")
    } catch {
        XCTFail("unexpected syntax error: \(error)", file: file, line: line)
        return TOMLTable()
    }
}

/// Asserts that `text` is rejected with a message containing `fragment`, at `expectedLine`:`expectedColumn`.
func assertSyntaxError(
    _ text: String, _ fragment: String, at expectedLine: Int, _ expectedColumn: Int,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try TOMLParser.parse(text, file: "test.toml")
        XCTFail("expected a syntax error containing \"\(fragment)\"", file: file, line: line)
    } catch {
        XCTAssertTrue(error.message.contains(fragment), "message was: \(error.message)", file: file, line: line)
        XCTAssertEqual(error.location, SourceLocation(file: "test.toml", line: expectedLine, column: expectedColumn),
                       "error was: \(error)", file: file, line: line)
    }
}

/// `line:column` of a location, for compact assertions.
func position(_ location: SourceLocation?) -> String? {
    location.map { "\($0.line):\($0.column)" }
}

extension TOMLTable {
    /// The value at a dot-separated path of bare keys (`a.b.c`); arrays are not traversed.
    func testValue(at path: String) -> TOMLValue? {
        var table = self
        let keys = path.split(separator: ".").map(String.init)
        for key in keys.dropLast() {
            guard case .table(let next)? = table[key]?.kind else { return nil }
            table = next
        }
        return table[keys[keys.count - 1]]
    }

    /// The table at a dot-separated path of bare keys.
    func testTable(at path: String) -> TOMLTable? {
        testValue(at: path)?.testTable
    }
}

extension TOMLValue {
    var testString: String? { if case .string(let value) = kind { value } else { nil } }
    var testInteger: Int64? { if case .integer(let value) = kind { value } else { nil } }
    var testFloat: Double? { if case .float(let value) = kind { value } else { nil } }
    var testBoolean: Bool? { if case .boolean(let value) = kind { value } else { nil } }
    var testDateTime: TOMLDateTime? { if case .dateTime(let value) = kind { value } else { nil } }
    var testArray: [TOMLValue]? { if case .array(let value) = kind { value } else { nil } }
    var testTable: TOMLTable? { if case .table(let value) = kind { value } else { nil } }
}
