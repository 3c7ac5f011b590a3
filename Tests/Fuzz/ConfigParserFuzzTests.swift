import Foundation
import SwitchyardConfig
import SwitchyardPlan
import XCTest

/// Mutated `tensorzero.toml` files through the TOML parser (raw bytes, so invalid UTF-8 too) and the whole
/// compiler: every input yields a plan or error diagnostics with messages, never a crash or a hang.
final class ConfigParserFuzzTests: XCTestCase {
    func testMutatedConfigsYieldDiagnosticsNeverACrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = Environment(["OPENAI_API_KEY": "sk-fuzz", "ANTHROPIC_API_KEY": "sk-fuzz", "AZURE_API_KEY": "fuzz-key"])
        let executions = try FuzzCampaign(name: "config parser", corpusFolder: "config", mutator: .toml, count: 1_500).run { bytes in
            do throws(TOMLSyntaxError) {
                _ = try TOMLParser.parse(bytes: bytes, file: "fuzz.toml")
            } catch {
                if error.message.isEmpty { return "a TOML syntax error without a message" }
            }
            let loaded = ConfigLoader.load(text: String(decoding: bytes, as: UTF8.self), file: "fuzz.toml")
            let compilation = Compiler.compile(loaded, environment: environment, workingDirectory: folder)
            if compilation.plan == nil, !compilation.diagnostics.hasErrors { return "no plan and no error diagnostic" }
            if let silent = compilation.diagnostics.first(where: { $0.message.isEmpty }) { return "a diagnostic without a message: \(silent.code)" }
            return nil
        }
        XCTAssertGreaterThan(executions, 1_500)
    }
}
