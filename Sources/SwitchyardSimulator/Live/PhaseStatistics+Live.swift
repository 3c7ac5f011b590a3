extension PhaseStatistics {
    /// Counts a live request the way `record(_:)` counts a simulated one. Latencies are left out: expectations
    /// bound simulated latencies, and live ones are real.
    mutating func record(_ outcome: LiveRequestOutcome) {
        requests += 1
        byStatus[outcome.status, default: 0] += 1
        attempts += outcome.attempts.count
        guard let serving = outcome.serving else {
            if let error = outcome.error { errors[error, default: 0] += 1 }
            return
        }
        servedBy[UpstreamNames.display(model: serving.upstream.model, provider: serving.upstream.provider), default: 0] += 1
        if let variant = outcome.variant { byVariant[variant, default: 0] += 1 }
        if let credential = serving.credential { byCredential[credential, default: 0] += 1 }
        if serving.usedFallbackCredential { fallbackCredential += 1 }
    }
}
