import SwitchyardReports

extension PhaseStatistics {
    /// The counts a drawn report shows; call after `finish()`.
    var traffic: PhaseTraffic {
        PhaseTraffic(
            requests: requests, successes: successes, attempts: attempts, byStatus: byStatus, byVariant: byVariant,
            byProvider: servedBy, byCredential: byCredential, fallbackCredential: fallbackCredential
        )
    }
}
