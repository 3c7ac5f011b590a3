import Foundation
import SwitchyardSimulator

/// What `switchyard simulate` says of the fault cases: one scenario over the harness's own config file, each
/// case's `fault` upstream scripted with the outcome its misbehaviour gives, one phase (one request) per case.
enum FaultSimulation {
    /// Each case's simulated outcome (status, variant, provider), by case name.
    static func outcomes(_ cases: [FaultCase], configPath: String) throws -> [String: FaultHarness.Outcome] {
        let folder = (configPath as NSString).deletingLastPathComponent
        let scenarioFile = (folder as NSString).appendingPathComponent("faults.scenario.toml")
        let traceFile = (folder as NSString).appendingPathComponent("faults.trace.jsonl")
        var text = "description = \"gateway faults\"\nconfig = \"\((configPath as NSString).lastPathComponent)\"\n\n[env]\n"
        for (name, value) in FaultHarness.environment { text += "\(name) = \"\(value)\"\n" }
        text += "\n" + cases.map(\.scenarioUpstream).joined(separator: "\n")
        for fault in cases {
            text += "\n[[phase]]\nname = \"\(fault.name)\"\nsend = { function = \"f_\(fault.name)\", count = 1, stream = \(fault.stream) }\n"
        }
        try text.write(toFile: scenarioFile, atomically: true, encoding: .utf8)
        let (parsed, diagnostics) = ScenarioParser.parse(file: scenarioFile)
        guard let scenario = parsed else {
            throw HarnessError(description: diagnostics.map(\.description).joined(separator: "\n"))
        }
        let trace = try TraceSink(path: traceFile)
        let report = ScenarioRunner(scenario: scenario, options: .init(trace: trace)).run()
        try trace.close()
        guard report.errors.isEmpty else { throw HarnessError(description: report.errors.joined(separator: "\n")) }
        var outcomes: [String: FaultHarness.Outcome] = [:]
        for line in try String(contentsOfFile: traceFile, encoding: .utf8).split(separator: "\n") {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let phase = record["phase"] as? String, let status = record["status"] as? Int else { continue }
            outcomes[phase] = FaultHarness.Outcome(
                status: status, variant: record["variant"] as? String, provider: record["provider"] as? String
            )
        }
        return outcomes
    }
}
