import Foundation
import XCTest
@testable import SwitchyardPlan

/// Renders every case under `Cases/` and compares it, byte for byte, with what TensorZero rendered.
final class TemplateGoldenTests: XCTestCase {
    private static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    func testEveryCaseRendersAsTensorZeroDoes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path)
            .filter { $0.hasSuffix(".minijinja") }
            .map { String($0.dropLast(".minijinja".count)) }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10, "the golden cases are missing")
        for name in names {
            let source = try String(contentsOf: Self.cases.appendingPathComponent("\(name).minijinja"), encoding: .utf8)
            let arguments = try JSONParser.parse(Array(try Data(contentsOf: Self.cases.appendingPathComponent("\(name).json"))))
            let expected = try String(contentsOf: Self.cases.appendingPathComponent("\(name).expected"), encoding: .utf8)
            do {
                let rendered = try MiniJinjaTemplate(source: source).render(arguments)
                XCTAssertEqual(rendered, expected, "case \(name)")
            } catch {
                XCTFail("case \(name): \(error)")
            }
        }
    }
}
