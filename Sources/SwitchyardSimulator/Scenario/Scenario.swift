import SwitchyardConfig

/// A parsed `*.scenario.toml`: a config, the gateway's environment, upstream behaviour and phases of traffic
/// with expectations (DESIGN.md, "Scenario files").
public struct Scenario: Sendable {
    /// The scenario file's path as given.
    public var file: String
    public var description: String?
    /// The config path or glob, resolved against the scenario file's folder.
    public var configPattern: Located<String>
    /// The run's seed (`--seed` overrides it).
    public var seed: UInt64
    /// The gateway's environment at startup; anything absent is unset.
    public var environment: [String: String]
    /// Upstream behaviour for every phase, by `MODEL.PROVIDER` (or a shorthand model name).
    public var upstreams: [String: Located<ResponseScript>]
    public var phases: [Phase]
}

/// One `[[phase]]`.
public struct Phase: Sendable {
    public var name: String
    public var location: SourceLocation
    /// Upstream scripts overriding the scenario's, for this phase only.
    public var upstreams: [String: Located<ResponseScript>]
    /// Credential locations (`env::X`, `dynamic::k`) whose values upstreams answer with 401 during this phase.
    public var revoke: [Located<String>]
    /// Variables set (or changed) for this phase; the gateway restarts when its environment differs.
    public var environment: [String: String]
    /// Variables unset for this phase.
    public var unset: [Located<String>]
    public var sends: [SendSpec]
    public var expectations: Expectations
}

/// One `send` table: a stream of identical requests.
public struct SendSpec: Sendable {
    /// How each request's episode id is chosen.
    public enum Episode: Sendable, Hashable {
        /// A fresh random (seeded) UUIDv7 per request.
        case random
        /// This episode for every request.
        case fixed(String)
        /// One random episode shared by every request of this send.
        case shared
    }

    public enum Target: Sendable, Hashable {
        case function(String)
        case model(String)
    }

    public var location: SourceLocation
    public var target: Located<Target>
    public var count: Int
    /// Interval between requests on the simulated clock, in nanoseconds (0 sends them all at once).
    public var every: Int64
    public var episode: Episode
    public var pinnedVariant: String?
    /// The request's dynamic credentials (key → value).
    public var credentials: [String: String]
    public var stream: Bool
}

/// A count in an expectation: an exact number or every request of the phase.
public enum ExpectedCount: Sendable, Hashable, CustomStringConvertible {
    case all
    case exactly(Int)

    public var description: String {
        switch self {
        case .all: "all"
        case .exactly(let count): String(count)
        }
    }
}

/// A phase's `expect` table. Every key is optional; an absent key is not checked.
public struct Expectations: Sendable {
    /// HTTP status → count.
    public var status: [String: Located<ExpectedCount>] = [:]
    /// A substring every error message must contain.
    public var error: Located<String>?
    /// `MODEL.PROVIDER` → count of successes it served.
    public var servedBy: [String: Located<ExpectedCount>] = [:]
    /// Variant → count of successes it served.
    public var variant: [String: Located<ExpectedCount>] = [:]
    /// Variant → expected share of successes, checked within `tolerance`.
    public var variantShare: [String: Located<Double>] = [:]
    public var tolerance: Located<Double>?
    /// The significance level of a chi-square test of every variant's count against `variantShare`: the
    /// check fails when counts this far from the shares would happen less often than this under them.
    public var pValue: Located<Double>?
    /// Credential location → count of successes it served.
    public var credential: [String: Located<ExpectedCount>] = [:]
    /// Successes served with the fallback side of a `{ default, fallback }` credential.
    public var fallbackCredential: Located<ExpectedCount>?
    /// Total upstream attempts in the phase.
    public var attempts: Located<ExpectedCount>?
    /// Simulated latency percentiles in milliseconds.
    public var latencyP50Ms: Located<Double>?
    public var latencyP99Ms: Located<Double>?
    /// Whether the gateway starts (`"ok"`) or fails to (`"error"`).
    public var startup: Located<StartupExpectation>?
    /// A substring of the startup error.
    public var startupError: Located<String>?

    public init() {}
}

/// `expect.startup`.
public enum StartupExpectation: String, Sendable {
    case ok
    case error
}
