import Foundation

/// The outcome of `switchyard simulate`: what every renderer (terminal, JSON, JUnit) reads.
public struct SimulationReport: Sendable {
    public var scenarios: [ScenarioReport]

    public init(scenarios: [ScenarioReport]) {
        self.scenarios = scenarios
    }

    /// Whether any scenario could not run (invalid file or config).
    public var hasErrors: Bool { scenarios.contains { !$0.errors.isEmpty || $0.phases.contains { $0.error != nil } } }
    /// Whether any expectation failed.
    public var hasFailures: Bool { scenarios.contains { $0.phases.contains { !$0.failedChecks.isEmpty } } }
}

/// One scenario file's run.
public struct ScenarioReport: Sendable {
    /// The scenario file as given.
    public var file: String
    /// The scenario's `description`, or its file name.
    public var name: String
    /// The config pattern it ran against.
    public var config: String
    public var seed: UInt64
    /// When the run started.
    public var timestamp: Date
    /// Wall-clock seconds the run took.
    public var wallSeconds: Double
    public var phases: [PhaseReport]
    /// Problems that kept the scenario from running at all (diagnostics, `path:line:col: …`).
    public var errors: [String]

    public init(file: String, name: String, config: String, seed: UInt64, timestamp: Date, wallSeconds: Double, phases: [PhaseReport], errors: [String]) {
        self.file = file
        self.name = name
        self.config = config
        self.seed = seed
        self.timestamp = timestamp
        self.wallSeconds = wallSeconds
        self.phases = phases
        self.errors = errors
    }
}

/// One phase's run.
public struct PhaseReport: Sendable {
    public var name: String
    public var wallSeconds: Double
    /// Requests sent in the phase.
    public var requests: Int
    /// A readable summary of what happened (one line each: statuses, variants, providers, credentials, attempts, latency).
    public var summary: [String]
    public var checks: [ExpectationCheck]
    /// Why the phase could not run (e.g. it sends traffic to a gateway that failed to start unexpectedly).
    public var error: String?
    /// The phase's requests counted, when any were sent.
    public var traffic: PhaseTraffic?

    public init(name: String, wallSeconds: Double, requests: Int, summary: [String], checks: [ExpectationCheck], error: String?) {
        self.name = name
        self.wallSeconds = wallSeconds
        self.requests = requests
        self.summary = summary
        self.checks = checks
        self.error = error
    }

    public var failedChecks: [ExpectationCheck] { checks.filter { !$0.passed } }
}

/// One expectation, checked.
public struct ExpectationCheck: Sendable, Hashable {
    /// The expectation as written, e.g. `status.200`, `variant_share.gpt_4o_mini_1`, `startup`.
    public var name: String
    public var expected: String
    public var observed: String
    public var passed: Bool

    public init(name: String, expected: String, observed: String, passed: Bool) {
        self.name = name
        self.expected = expected
        self.observed = observed
        self.passed = passed
    }
}
