import XCTest
@testable import SwitchyardConfig

/// `--env-file` dotenv parsing: `KEY=value`, `export`, comments, quotes; bad lines are reported without
/// their contents.
final class EnvironmentFileTests: XCTestCase {
    private let file = "/virtual/.env"

    func testAssignmentsCommentsAndBlankLines() {
        let (environment, diagnostics) = EnvironmentFile.parse("""
        # a comment
        OPENAI_API_KEY=sk-plain

           # indented comment
        EMPTY=
        """, file: file)
        XCTAssertTrue(diagnostics.isEmpty)
        XCTAssertEqual(environment.value("OPENAI_API_KEY"), "sk-plain")
        XCTAssertEqual(environment.value("EMPTY"), "")
        XCTAssertTrue(environment.isSet("EMPTY"))
        XCTAssertEqual(environment.names, ["EMPTY", "OPENAI_API_KEY"])
    }

    func testExportPrefixIsAccepted() {
        let (environment, diagnostics) = EnvironmentFile.parse("export AWS_REGION=us-east-1\nexport   B=2\n", file: file)
        XCTAssertTrue(diagnostics.isEmpty)
        XCTAssertEqual(environment.value("AWS_REGION"), "us-east-1")
        XCTAssertEqual(environment.value("B"), "2")
    }

    func testQuotesAreRemoved() {
        let (environment, _) = EnvironmentFile.parse("""
        DOUBLE="two words # not a comment"
        SINGLE='it''s raw \\n'
        ESCAPED="line1\\nline2 \\"quoted\\""
        HASH=value # trailing comment
        """, file: file)
        XCTAssertEqual(environment.value("DOUBLE"), "two words # not a comment")
        XCTAssertEqual(environment.value("SINGLE"), "it''s raw \\n")
        XCTAssertEqual(environment.value("ESCAPED"), "line1\nline2 \"quoted\"")
        XCTAssertEqual(environment.value("HASH"), "value")
    }

    func testWindowsLineEndingsAreAccepted() {
        let (environment, diagnostics) = EnvironmentFile.parse("A=1\r\nB=2\r\n", file: file)
        XCTAssertTrue(diagnostics.isEmpty)
        XCTAssertEqual(environment.value("A"), "1")
        XCTAssertEqual(environment.value("B"), "2")
    }

    func testMalformedLineIsReportedWithoutEchoingIt() {
        let (environment, diagnostics) = EnvironmentFile.parse("GOOD=1\n  this is sk-LEAKED-VALUE\n1BAD=sk-ALSO-LEAKED\nLAST=2\n", file: file)
        XCTAssertEqual(diagnostics.map(\.code), [.envFileSyntax, .envFileSyntax])
        XCTAssertEqual(diagnostics.map(\.severity), [.error, .error])
        XCTAssertEqual(diagnostics.map(\.location), [
            SourceLocation(file: file, line: 2, column: 3), SourceLocation(file: file, line: 3, column: 1),
        ])
        for diagnostic in diagnostics {
            XCTAssertFalse(diagnostic.description.contains("LEAKED"), diagnostic.description)
            XCTAssertTrue(diagnostic.message.contains("NAME=value"))
        }
        XCTAssertEqual(environment.names, ["GOOD", "LAST"])
    }

    func testUnreadableFileIsReported() {
        let (environment, diagnostics) = EnvironmentFile.read("/nonexistent/switchyard/.env")
        XCTAssertEqual(diagnostics.map(\.code), [.fileUnreadable])
        XCTAssertTrue(environment.names.isEmpty)
    }

    func testReadingAFileFromDisk() {
        let scratch = ConfigScratch()
        let path = scratch.write(".env", "export TOKEN='abc'\n")
        let (environment, diagnostics) = EnvironmentFile.read(path)
        XCTAssertTrue(diagnostics.isEmpty)
        XCTAssertEqual(environment.value("TOKEN"), "abc")
    }
}
