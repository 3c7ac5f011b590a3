import SwitchyardEngine

/// What one phase's requests did, counted: the observations expectations are checked against.
public struct PhaseStatistics: Sendable {
    public var requests = 0
    public var byStatus: [Int: Int] = [:]
    /// Successes by upstream name (`MODEL.PROVIDER`, or a shorthand model).
    public var servedBy: [String: Int] = [:]
    /// Successes by variant.
    public var byVariant: [String: Int] = [:]
    /// Successes by the credential location that served them.
    public var byCredential: [String: Int] = [:]
    /// Successes served by the fallback side of a `{ default, fallback }` credential.
    public var fallbackCredential = 0
    /// Upstream attempts (skipped providers are not attempts).
    public var attempts = 0
    /// Distinct error messages with how often each occurred.
    public var errors: [String: Int] = [:]
    /// Every request's simulated latency, in nanoseconds, in completion order.
    public var latencies: [Int64] = []

    public var successes: Int { byStatus[200, default: 0] }

    /// Successes counted by how they were served, expanded into the per-key counts when the phase ends.
    private var servings: [Serving: Int] = [:]
    /// Successes grouped by the attempt that served them, which compares two numbers instead of four strings.
    private var recentAttempts: [(attempt: ProviderAttempt.Identity, serving: Serving, count: Int)] = []
    private var errorCounts: [InferenceError: Int] = [:]
    /// Requests by HTTP status (100–599), counted without hashing and folded into `byStatus` at the end.
    private var statusCounts: [Int] = []

    private struct Serving: Hashable {
        var variant: String?
        var model: String?
        var provider: String?
        var credential: String?
        var usedFallbackCredential: Bool

        init(of result: InferenceResult) {
            variant = result.variant
            model = result.model
            provider = result.provider
            credential = result.credential
            usedFallbackCredential = result.usedFallbackCredential
        }
    }

    mutating func record(_ result: InferenceResult) {
        requests += 1
        if (100..<600).contains(result.status) {
            if statusCounts.isEmpty { statusCounts = Array(repeating: 0, count: 600) }
            statusCounts[result.status] += 1
        } else {
            byStatus[result.status, default: 0] += 1
        }
        attempts += result.attemptCount
        latencies.append(result.end - result.start)
        if let error = result.error {
            errorCounts[error, default: 0] += 1
            return
        }
        if let attempt = result.servingAttempt {
            if let index = recentAttempts.firstIndex(where: { $0.attempt == attempt }) {
                recentAttempts[index].count += 1
                return
            }
            if recentAttempts.count < 32 {
                recentAttempts.append((attempt, Serving(of: result), 1))
                return
            }
        }
        servings[Serving(of: result), default: 0] += 1
    }

    /// Folds the grouped counts into the per-key tables; call once, after the last `record`.
    mutating func finish() {
        for (status, count) in statusCounts.enumerated() where count > 0 { byStatus[status, default: 0] += count }
        statusCounts = []
        for (_, serving, count) in recentAttempts { servings[serving, default: 0] += count }
        recentAttempts = []
        for (serving, count) in servings {
            if let model = serving.model, let provider = serving.provider {
                servedBy[UpstreamNames.display(model: model, provider: provider), default: 0] += count
            }
            if let variant = serving.variant { byVariant[variant, default: 0] += count }
            if let credential = serving.credential { byCredential[credential, default: 0] += count }
            if serving.usedFallbackCredential { fallbackCredential += count }
        }
        for (error, count) in errorCounts { errors[error.message, default: 0] += count }
        servings = [:]
        errorCounts = [:]
    }

    /// The latency below which `fraction` of requests fall, in milliseconds (nearest rank).
    public func latencyPercentile(_ fraction: Double) -> Double? {
        guard !latencies.isEmpty else { return nil }
        let rank = max(0, min(latencies.count - 1, Int((fraction * Double(latencies.count)).rounded(.up)) - 1))
        var values = latencies
        return Double(Selection.select(rank, in: &values)) / 1_000_000
    }
}
