import SwitchyardConfig
import SwitchyardSimulator
import XCTest

/// Mutated `*.scenario.toml` files through the scenario parser: every input yields a scenario or error
/// diagnostics, never a crash or a hang.
final class ScenarioParserFuzzTests: XCTestCase {
    func testMutatedScenariosYieldDiagnosticsNeverACrash() throws {
        let executions = try FuzzCampaign(name: "scenario parser", corpusFolder: "scenario", mutator: .toml, count: 3_000).run { bytes in
            let (scenario, diagnostics) = ScenarioParser.parse(text: String(decoding: bytes, as: UTF8.self), file: "fuzz.scenario.toml")
            if scenario == nil, !diagnostics.hasErrors { return "no scenario and no error diagnostic" }
            if let silent = diagnostics.first(where: { $0.message.isEmpty }) { return "a diagnostic without a message: \(silent.code)" }
            return nil
        }
        XCTAssertGreaterThan(executions, 3_000)
    }
}
