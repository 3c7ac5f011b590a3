/// The outcome of `switchyard analyze`: what each single failure does to each function, measured by running
/// the plan in the simulator with that failure injected, and the findings drawn from it.
public struct AnalysisReport: Sendable {
    /// The config pattern analysed.
    public var config: String
    public var seed: UInt64
    /// Requests sent to each function in every simulated run.
    public var requestsPerFunction: Int
    /// Every function of the config, sorted.
    public var functions: [String]
    /// One entry per injected failure, in the order they were run.
    public var failures: [FailureImpact]
    /// Findings, most severe first, then by function and rule.
    public var findings: [AnalysisFinding]

    public init(config: String, seed: UInt64, requestsPerFunction: Int, functions: [String], failures: [FailureImpact], findings: [AnalysisFinding]) {
        self.config = config
        self.seed = seed
        self.requestsPerFunction = requestsPerFunction
        self.functions = functions
        self.failures = failures
        self.findings = findings.sorted { ($1.severity, $0.function, $0.rule.rawValue, $0.message) < ($0.severity, $1.function, $1.rule.rawValue, $1.message) }
    }

    /// Functions that keep serving every request through every injected failure (a request lacking a dynamic
    /// credential is the caller's omission, not a failure, and does not count).
    public var survivors: [String] {
        let hurt = Set(failures.filter { $0.kind != .dynamicCredentialMissing }.flatMap(\.effects).filter(\.losesRequests).map(\.function))
        return functions.filter { !hurt.contains($0) }
    }

    /// Findings at or above `severity`.
    public func findings(atLeast severity: AnalysisSeverity) -> [AnalysisFinding] {
        findings.filter { $0.severity >= severity }
    }
}

/// How bad a finding is. `--fail-on` compares against it.
public enum AnalysisSeverity: String, Sendable, Hashable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: AnalysisSeverity, rhs: AnalysisSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// What a finding is about; the raw value is its stable name in every output.
public enum AnalysisRule: String, Sendable, Hashable, CaseIterable {
    /// One failure makes a function fail every request.
    case singlePointOfFailure = "single-point-of-failure"
    /// One failure makes a function fail some requests.
    case partialOutage = "partial-outage"
    /// One failure moves part of a function's traffic to its fallbacks.
    case capacityLoss = "capacity-loss"
    /// A variant no request is ever sent to.
    case neverSampled = "never-sampled"
    /// Candidate weights that do not sum to 1 (or 100), or a zero weight.
    case oddWeights = "odd-weights"
    /// A later routing entry uses the credential that just failed.
    case fallbackReusesCredential = "fallback-reuses-credential"
    /// A `dynamic::` credential with no fallback: requests without it fail.
    case dynamicCredentialWithoutFallback = "dynamic-credential-without-fallback"
}

/// One finding about one function, with the simulated numbers that back it.
public struct AnalysisFinding: Sendable, Hashable {
    public var severity: AnalysisSeverity
    public var rule: AnalysisRule
    public var function: String
    /// What is wrong, in words.
    public var message: String
    /// What the simulation observed.
    public var evidence: String

    public init(severity: AnalysisSeverity, rule: AnalysisRule, function: String, message: String, evidence: String) {
        self.severity = severity
        self.rule = rule
        self.function = function
        self.message = message
        self.evidence = evidence
    }
}

/// One injected failure and what it did to each function.
public struct FailureImpact: Sendable, Hashable {
    /// The kinds of failure `analyze` injects.
    public enum Kind: String, Sendable, Hashable {
        /// A credential location's value is revoked: upstreams answer 401 to it.
        case credentialRevoked = "credential_revoked"
        /// One provider of one model answers 503 to every attempt.
        case providerDown = "provider_down"
        /// Every provider of a model answers 503.
        case modelDown = "model_down"
        /// Requests arrive without a `dynamic::` credential.
        case dynamicCredentialMissing = "dynamic_credential_missing"
    }

    public var kind: Kind
    /// What failed (`env::OPENAI_API_KEY`, `chat_model.openai`, `chat_model`, `dynamic::key`).
    public var subject: String
    /// Every function's outcome, sorted by function.
    public var effects: [FunctionEffect]

    public init(kind: Kind, subject: String, effects: [FunctionEffect]) {
        self.kind = kind
        self.subject = subject
        self.effects = effects
    }

    /// The failure in words: `env::OPENAI_API_KEY revoked`.
    public var title: String {
        switch kind {
        case .credentialRevoked: "\(subject) revoked"
        case .providerDown: "provider \(subject) down"
        case .modelDown: "model \(subject) down (every provider)"
        case .dynamicCredentialMissing: "requests without \(subject)"
        }
    }
}

/// What one injected failure did to one function, compared with the healthy run.
public struct FunctionEffect: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// Every request is served as in the healthy run.
        case unaffected
        /// Every request is served, but some only after failing over.
        case reroutes
        /// Some requests fail.
        case losesSome = "loses_some"
        /// Every request fails.
        case losesAll = "loses_all"
    }

    public var function: String
    public var outcome: Outcome
    public var requests: Int
    /// Requests that failed although they succeeded in the healthy run.
    public var lost: Int
    /// Requests served only after a failed attempt or a skipped provider, beyond the healthy run's.
    public var rerouted: Int
    /// Upstream attempts per request beyond the healthy run's.
    public var extraAttemptsPerRequest: Double

    public init(function: String, outcome: Outcome, requests: Int, lost: Int, rerouted: Int, extraAttemptsPerRequest: Double) {
        self.function = function
        self.outcome = outcome
        self.requests = requests
        self.lost = lost
        self.rerouted = rerouted
        self.extraAttemptsPerRequest = extraAttemptsPerRequest
    }

    /// Whether the failure costs the function any request.
    public var losesRequests: Bool { outcome == .losesSome || outcome == .losesAll }
}
