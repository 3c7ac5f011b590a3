import SwitchyardEngine

/// What one function's requests did in one simulated run of `analyze`.
struct FunctionTally {
    var requests = 0
    var successes = 0
    /// Successes that came only after a failed attempt or a skipped provider.
    var rerouted = 0
    var attempts = 0
    /// Successes by the variant that served them.
    var servedByVariant: [String: Int] = [:]
    /// Failed requests by status.
    var failedByStatus: [Int: Int] = [:]
    /// Requests that, after the revoked credential failed at one routing entry, tried it again at another.
    var reuseRequests = 0
    /// Those later entries (`MODEL.PROVIDER`).
    var reusedBy: Set<String> = []
    /// Attempts that presented the revoked credential again after it had been refused once.
    var wastedAttempts = 0

    /// Counts `result`; `revoked` is the location refused in this run, if any.
    mutating func record(_ result: InferenceResult, revoked: String?) {
        requests += 1
        attempts += result.attemptCount
        if result.status == 200 {
            successes += 1
            if result.trace.count > 1 { rerouted += 1 }
            if let variant = result.variant { servedByVariant[variant, default: 0] += 1 }
        } else {
            failedByStatus[result.status, default: 0] += 1
        }
        if let revoked { recordReuse(of: revoked, in: result.trace) }
    }

    private mutating func recordReuse(of location: String, in trace: [AttemptRecord]) {
        let refused = trace.filter { $0.credential == location && $0.outcome == .status(401) }
        guard let first = refused.first else { return }
        wastedAttempts += refused.count - 1
        let others = refused.filter { $0.model != first.model || $0.provider != first.provider }
        guard !others.isEmpty else { return }
        reuseRequests += 1
        for record in others { reusedBy.insert(UpstreamNames.display(model: record.model, provider: record.provider)) }
    }

    /// The most frequent failure status, if any request failed.
    var commonFailureStatus: Int? {
        failedByStatus.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
