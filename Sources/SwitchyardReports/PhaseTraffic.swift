/// What a phase's requests did, counted, for reports that draw it (`simulate --html`).
public struct PhaseTraffic: Sendable, Hashable {
    public var requests: Int
    /// Requests answered 200.
    public var successes: Int
    /// Upstream attempts (skipped providers are not attempts).
    public var attempts: Int
    /// Requests by HTTP status.
    public var byStatus: [Int: Int]
    /// Successes by variant.
    public var byVariant: [String: Int]
    /// Successes by upstream (`MODEL.PROVIDER`, or a shorthand model).
    public var byProvider: [String: Int]
    /// Successes by the credential location that served them.
    public var byCredential: [String: Int]
    /// Successes served by the fallback side of a `{ default, fallback }` credential.
    public var fallbackCredential: Int

    public init(
        requests: Int, successes: Int, attempts: Int, byStatus: [Int: Int], byVariant: [String: Int],
        byProvider: [String: Int], byCredential: [String: Int], fallbackCredential: Int
    ) {
        self.requests = requests
        self.successes = successes
        self.attempts = attempts
        self.byStatus = byStatus
        self.byVariant = byVariant
        self.byProvider = byProvider
        self.byCredential = byCredential
        self.fallbackCredential = fallbackCredential
    }

    /// Requests not answered 200.
    public var failures: Int { requests - successes }
}
