import Foundation
import XCTest
import SwitchyardConfig
import SwitchyardPlan
import SwitchyardReports
@testable import SwitchyardSimulator

/// What parity compares for one request: its status and, for a success, the variant, upstream and credential
/// (with its side) that served it; and how many attempts reached an upstream.
struct RequestOutcome: Equatable, CustomStringConvertible {
    var status: Int
    var variant: String?
    var upstream: String?
    var credential: String?
    var fallbackCredential: Bool
    var attempts: Int

    var description: String {
        "status \(status), variant \(variant ?? "-"), upstream \(upstream ?? "-"), credential \(credential ?? "-")"
            + (fallbackCredential ? " (fallback side)" : "") + ", \(attempts) attempt(s)"
    }

    /// Every request of a `--trace` file, keyed `phase #send.index`.
    static func read(trace path: String) throws -> [String: RequestOutcome] {
        var outcomes: [String: RequestOutcome] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let status = try XCTUnwrap(object["status"] as? Int)
            let served = status == 200
            let attempts = (object["attempts"] as? [[String: Any]] ?? []).filter { $0["outcome"] as? String != "skipped" }
            let key = "\(object["phase"] as? String ?? "?") #\(object["send"] as? Int ?? -1).\(object["index"] as? Int ?? -1)"
            outcomes[key] = RequestOutcome(
                status: status, variant: served ? object["variant"] as? String : nil,
                upstream: served ? "\(object["model"] as? String ?? "-").\(object["provider"] as? String ?? "-")" : nil,
                credential: served ? object["credential"] as? String : nil,
                fallbackCredential: served && object["fallback_credential"] as? Bool == true, attempts: attempts.count
            )
        }
        return outcomes
    }
}

/// A scenario run both ways, with the requests whose outcomes differ.
struct ParityRun {
    var simulated: ScenarioReport
    var live: ScenarioReport
    var requests: Int
    /// How many requests ended differently.
    var differing: Int
    /// `request: simulated … / live …`, at most ten.
    var differences: [String]

    /// Runs `scenario` on the simulated clock and against the live gateway, tracing both, and compares them.
    static func run(_ scenario: Scenario, timeScale: Double = 0.01) throws -> ParityRun {
        let scratch = RunnerScratch()
        let simulatedTrace = (scratch.path as NSString).appendingPathComponent("simulated.jsonl")
        let liveTrace = (scratch.path as NSString).appendingPathComponent("live.jsonl")
        let simulatedSink = try TraceSink(path: simulatedTrace)
        simulatedSink.begin(scenario: scenario.file)
        let simulated = ScenarioRunner(scenario: scenario, options: .init(trace: simulatedSink)).run()
        try simulatedSink.close()
        let liveSink = try TraceSink(path: liveTrace)
        liveSink.begin(scenario: scenario.file)
        let live = LiveScenarioRunner(scenario: scenario, options: .init(trace: liveSink), live: LiveOptions(timeScale: timeScale)).run()
        try liveSink.close()
        let expected = try RequestOutcome.read(trace: simulatedTrace)
        let observed = try RequestOutcome.read(trace: liveTrace)
        var differences: [String] = []
        for key in Set(expected.keys).union(observed.keys).sorted() where expected[key] != observed[key] {
            differences.append("\(key): simulated \(expected[key].map { "\($0)" } ?? "no request") / live \(observed[key].map { "\($0)" } ?? "no request")")
        }
        return ParityRun(
            simulated: simulated, live: live, requests: expected.count, differing: differences.count, differences: Array(differences.prefix(10))
        )
    }

    /// Errors and failed expectations of the live run, one line each.
    var liveProblems: [String] {
        live.errors + live.phases.flatMap { phase in
            (phase.error.map { ["\(phase.name): \($0)"] } ?? []) + failures(phase).map { "\(phase.name): \($0)" }
        }
    }
}

/// Why a scenario's per-request outcomes depend on the clock, so that a live run differs from the simulated one
/// by design rather than by a bug; `nil` when they do not.
enum TimingDependence {
    static func reason(_ scenario: Scenario) -> String? {
        let scripts = (Array(scenario.upstreams) + scenario.phases.flatMap { Array($0.upstreams) }).sorted { $0.key < $1.key }
        if let never = scripts.first(where: { $0.value.value.steps.contains { $0.outcome == .timeout } }) {
            return "upstream `\(never.key)` never answers (`timeout`), so which deadline fires first is up to the real clock"
        }
        for phase in scenario.phases where phase.sends.reduce(0, { $0 + $1.count }) > 1 {
            let effective = scenario.upstreams.merging(phase.upstreams) { _, phaseScript in phaseScript }
            if let name = effective.keys.sorted().first(where: { Set(effective[$0]!.value.steps.map(\.outcome)).count > 1 }) {
                return "in phase `\(phase.name)`, upstream `\(name)` changes its answer from one attempt to the next, and overlapping live requests reach it in real-clock order"
            }
        }
        let latency = scripts.flatMap { $0.value.value.steps.map(\.latency) }.max() ?? 0
        if let bound = shortestTimeout(scenario), latency >= bound * 1_000_000 {
            return "an upstream's latency reaches a configured timeout (\(bound) ms), which --time-scale does not scale"
        }
        return nil
    }

    /// The shortest timeout anywhere in the scenario's config that its requests run under, in milliseconds: the
    /// non-streaming ones, and the streaming ones too when a phase sends streaming requests.
    private static func shortestTimeout(_ scenario: Scenario) -> Int64? {
        let config = ConfigLoader.load(scenario.configPattern.value)
        guard let plan = Compiler.compile(config, environment: Environment(scenario.environment), workingDirectory: ".").plan else { return nil }
        let models = plan.models.values.flatMap { [$0.timeouts] + $0.routing.map(\.timeouts) }
        let variants = plan.functions.values.flatMap { $0.variants.values.map(\.timeouts) }
        let streams = scenario.phases.contains { $0.sends.contains(where: \.stream) }
        let bounds = (models + variants).compactMap { $0 }.flatMap { timeouts in
            [timeouts.nonStreamingTotalMs] + (streams ? [timeouts.streamingTTFTMs, timeouts.streamingTotalMs] : [])
        }
        return (bounds.compactMap { $0 } + [plan.globalTimeoutMs]).min()
    }
}
