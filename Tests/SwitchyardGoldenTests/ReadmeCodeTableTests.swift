import Foundation
import SwitchyardConfig
import XCTest

/// The README's diagnostic table lists every code with its current severity and title.
final class ReadmeCodeTableTests: XCTestCase {
    func testReadmeListsEveryDiagnosticCode() throws {
        let readme = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let missing = DiagnosticCode.allCases.filter { code in
            !readme.contains("| \(code.rawValue) | \(code.defaultSeverity.rawValue) | \(code.title) |")
        }
        XCTAssertEqual(missing, [], "README.md is missing rows; regenerate them with `switchyard codes --markdown`")
    }
}
