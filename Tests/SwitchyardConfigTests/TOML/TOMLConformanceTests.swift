import Foundation
import SwitchyardConfig
import XCTest

/// Runs the official toml-test vectors listed for TOML 1.0.0 (`tests/files-toml-1.0.0`).
///
/// The vectors live outside the package, in `../shared/toml-test` next to the package root, or wherever
/// the `TOML_TEST_DIR` environment variable points.
final class TOMLConformanceTests: XCTestCase {
    func testTOML10VectorsFromTomlTest() throws {
        let testsDirectory = try Self.tomlTestDirectory().appendingPathComponent("tests")
        let listing = try String(contentsOf: testsDirectory.appendingPathComponent("files-toml-1.0.0"), encoding: .utf8)
        let tomlFiles = listing.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasSuffix(".toml") }

        var failures: [String] = []
        var validPassed = 0, validFailed = 0, invalidRejected = 0, invalidAccepted = 0
        for path in tomlFiles {
            let bytes = [UInt8](try Data(contentsOf: testsDirectory.appendingPathComponent(path)))
            if path.hasPrefix("valid/") {
                let jsonURL = testsDirectory.appendingPathComponent(String(path.dropLast(".toml".count)) + ".json")
                let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL), options: [.fragmentsAllowed])
                if let problem = Self.problemWithValidVector(bytes, path: path, expected: expected) {
                    validFailed += 1
                    failures.append("\(path): \(problem)")
                } else {
                    validPassed += 1
                }
            } else if path.hasPrefix("invalid/") {
                if let problem = Self.problemWithInvalidVector(bytes, path: path) {
                    invalidAccepted += 1
                    failures.append("\(path): \(problem)")
                } else {
                    invalidRejected += 1
                }
            }
        }

        print("toml-test 1.0: \(validPassed) valid passed, \(validFailed) failed; "
            + "\(invalidRejected) invalid rejected, \(invalidAccepted) accepted")
        XCTAssertGreaterThan(validPassed + invalidRejected, 0, "no toml-test vectors were found in \(testsDirectory.path)")
        XCTAssert(failures.isEmpty, "\(failures.count) toml-test 1.0 vectors failed:\n" + failures.joined(separator: "\n"))
    }

    /// Why a `valid/` vector fails (rejected, or read as a different value), or `nil` if it passes.
    private static func problemWithValidVector(_ bytes: [UInt8], path: String, expected: Any) -> String? {
        do {
            let table = try TOMLParser.parse(bytes: bytes, file: path)
            return TOMLTaggedJSON.difference(expected: expected, actual: .table(table))
        } catch {
            return "rejected: \(error)"
        }
    }

    /// Why an `invalid/` vector fails (accepted, or rejected at a position outside the file), or `nil` if it passes.
    private static func problemWithInvalidVector(_ bytes: [UInt8], path: String) -> String? {
        do {
            _ = try TOMLParser.parse(bytes: bytes, file: path)
            return "accepted"
        } catch {
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let location = error.location
            guard location.file == path, (1...lines.count).contains(location.line) else {
                return "error outside the file: \(error)"
            }
            let scalarCount = lines[location.line - 1].filter { $0 & 0xC0 != 0x80 }.count
            guard (1...(scalarCount + 1)).contains(location.column) else {
                return "error column outside the line: \(error)"
            }
            return nil
        }
    }

    /// `$TOML_TEST_DIR`, or `../shared/toml-test` relative to the package root; skips the test when absent.
    private static func tomlTestDirectory() throws -> URL {
        let directory: URL
        if let override = ProcessInfo.processInfo.environment["TOML_TEST_DIR"], !override.isEmpty {
            directory = URL(fileURLWithPath: override)
        } else {
            let packageRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent()  // Tests/SwitchyardConfigTests/TOML
                .deletingLastPathComponent()  // Tests/SwitchyardConfigTests
                .deletingLastPathComponent()  // Tests
                .deletingLastPathComponent()  // the package root
            directory = packageRoot.appendingPathComponent("../shared/toml-test").standardizedFileURL
        }
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("tests/files-toml-1.0.0").path) else {
            throw XCTSkip("toml-test vectors not found at \(directory.path); set TOML_TEST_DIR to a toml-test checkout")
        }
        return directory
    }
}
