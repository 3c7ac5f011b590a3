import Foundation
import XCTest
import SwitchyardConfig
import SwitchyardPlan
import SwitchyardReports
@testable import SwitchyardEngine
@testable import SwitchyardSimulator

/// A fresh folder under the system temp dir for runner tests, removed when released.
final class RunnerScratch: @unchecked Sendable {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("switchyard-runner-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` at `name` in the folder and returns the absolute path.
    @discardableResult
    func write(_ name: String, _ contents: String) -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try! contents.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }
}

/// Writes `config` as `tensorzero.toml` and `scenario` beside it, parses the scenario (which must be valid) and runs it.
func runScenario(
    config: String, scenario: String, options: ScenarioRunner.Options = ScenarioRunner.Options(), scratch: RunnerScratch = RunnerScratch(),
    file: StaticString = #filePath, line: UInt = #line
) throws -> ScenarioReport {
    scratch.write("tensorzero.toml", config)
    let scenarioFile = scratch.write("test.scenario.toml", scenario)
    let (parsed, diagnostics) = ScenarioParser.parse(file: scenarioFile)
    let valid = try XCTUnwrap(parsed, "the test scenario is invalid: \(diagnostics.map(\.description))", file: file, line: line)
    return ScenarioRunner(scenario: valid, options: options).run()
}

/// The checks of `phase` that failed, as `name: expected / observed` lines, for assertion messages.
func failures(_ phase: PhaseReport) -> [String] {
    phase.failedChecks.map { "\($0.name): expected \($0.expected), observed \($0.observed)" }
}

/// Two OpenAI models `m1` (`env::KEY1`) and `m2` (`env::KEY2`), each with provider `p`, and function `f` whose
/// variants `v1` → m1 and `v2` → m2 split the traffic evenly.
let twoKeyConfig = """
    [models.m1]
    routing = ["p"]

    [models.m1.providers.p]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::KEY1"

    [models.m2]
    routing = ["p"]

    [models.m2.providers.p]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::KEY2"

    [functions.f]
    type = "chat"

    [functions.f.variants.v1]
    type = "chat_completion"
    model = "m1"

    [functions.f.variants.v2]
    type = "chat_completion"
    model = "m2"

    [functions.f.experimentation]
    type = "static"
    candidate_variants = { v1 = 0.5, v2 = 0.5 }

    """

/// Compiles `toml` against `env` (must be valid) and starts an engine over it.
func makeSimulatorEngine(_ toml: String, env: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> Engine {
    let loaded = ConfigLoader.load(text: toml, file: "/tmp/switchyard-simulator-tests/tensorzero.toml")
    let compilation = Compiler.compile(loaded, environment: Environment(env))
    let plan = try XCTUnwrap(compilation.plan, "\(compilation.diagnostics.map(\.description))", file: file, line: line)
    return Engine(plan: plan, environment: Environment(env))
}

/// A finished request as the engine would report it, for statistics and expectations.
func inferenceResult(
    status: Int = 200, variant: String? = "v", model: String? = "m", provider: String? = "p", credential: String? = "env::KEY",
    fallback: Bool = false, error: InferenceError? = nil, start: Int64 = 0, latencyMs: Int64 = 0, attempts: Int = 1
) -> InferenceResult {
    InferenceResult(
        status: status, variant: variant, model: model, provider: provider, credential: credential, usedFallbackCredential: fallback,
        response: nil, error: error, episodeID: EpisodeID(high: 0, low: 0), start: start, end: start + latencyMs * 1_000_000,
        attemptCount: attempts, trace: []
    )
}

/// A source position for hand-built expectations.
func located<Value>(_ value: Value) -> Located<Value> {
    Located(value, at: SourceLocation(file: "test.scenario.toml", line: 1, column: 1))
}
