import Foundation
import SwitchyardReports
import XCTest

/// `JUnitReport.write` replaces the file in one step and leaves nothing behind.
final class JUnitReportWriteTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testWritesCompleteFileAndNoTemporary() throws {
        let path = folder.appendingPathComponent("report.xml").path
        try JUnitReport.write(ReportFixtures.full, to: path, hostname: "ci-runner-7")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(written, try JUnitReport.render(ReportFixtures.full, hostname: "ci-runner-7"))
        XCTAssertEqual(try entries(), ["report.xml"])
        XCTAssertEqual(try XMLTestDocument(written).count("//testcase"), 9)
    }

    func testReplacesExistingFile() throws {
        let path = folder.appendingPathComponent("report.xml").path
        try String(repeating: "old content that is longer than the new report\n", count: 2000)
            .write(toFile: path, atomically: false, encoding: .utf8)
        let report = SimulationReport(scenarios: [ReportFixtures.passing])
        try JUnitReport.write(report, to: path, hostname: "h")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), try JUnitReport.render(report, hostname: "h"))
        XCTAssertEqual(try entries(), ["report.xml"])
    }

    func testMissingFolderThrowsAndLeavesNothing() throws {
        let path = folder.appendingPathComponent("missing/report.xml").path
        XCTAssertThrowsError(try JUnitReport.write(ReportFixtures.full, to: path, hostname: "h")) { error in
            guard case JUnitReportError.io(_, let operation, let code) = error else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(operation, "open")
            XCTAssertEqual(code, ENOENT)
        }
        XCTAssertEqual(try entries(), [])
    }

    func testFailedRenameKeepsTargetAndRemovesTemporary() throws {
        // A non-empty folder in the way makes the final rename fail after the temporary file was written.
        let target = folder.appendingPathComponent("report.xml")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try "keep".write(to: target.appendingPathComponent("inside.txt"), atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try JUnitReport.write(ReportFixtures.full, to: target.path, hostname: "h")) { error in
            guard case JUnitReportError.io(_, let operation, _) = error else { return XCTFail("unexpected error \(error)") }
            XCTAssertEqual(operation, "rename")
            XCTAssertTrue(String(describing: error).contains("rename failed"))
        }
        XCTAssertEqual(try entries(), ["report.xml"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("inside.txt"), encoding: .utf8), "keep")
    }

    func testRelativePathInCurrentFolder() throws {
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        try JUnitReport.write(ReportFixtures.full, to: "report.xml", hostname: "h")
        XCTAssertEqual(try entries(), ["report.xml"])
    }

    /// Writes the full fixture to `$SWITCHYARD_JUNIT_SAMPLE`, for checking the XML with other JUnit
    /// consumers (`junit_consumer_check.py`).
    func testWritesSampleForExternalConsumers() throws {
        guard let path = ProcessInfo.processInfo.environment["SWITCHYARD_JUNIT_SAMPLE"], !path.isEmpty else {
            throw XCTSkip("set SWITCHYARD_JUNIT_SAMPLE=PATH to write a sample JUnit file")
        }
        try JUnitReport.write(ReportFixtures.full, to: path, hostname: "ci-runner-7")
    }
}
