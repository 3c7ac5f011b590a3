/// The readable lines a phase report shows: statuses, variants, upstreams, credentials, attempts, latency,
/// and the most frequent errors.
enum PhaseSummary {
    static func lines(_ statistics: PhaseStatistics) -> [String] {
        guard statistics.requests > 0 else { return ["no requests sent"] }
        var lines = ["requests: \(statistics.requests); status " + counts(statistics.byStatus.map { (String($0.key), $0.value) })]
        if !statistics.byVariant.isEmpty {
            let successes = Double(max(1, statistics.successes))
            lines.append("variants: " + statistics.byVariant.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value) (\(format(Double($0.value) / successes * 100))%)" }.joined(separator: ", "))
        }
        if !statistics.servedBy.isEmpty { lines.append("served by: " + counts(statistics.servedBy.map { ($0.key, $0.value) })) }
        if !statistics.byCredential.isEmpty {
            lines.append("credentials: " + counts(statistics.byCredential.map { ($0.key, $0.value) }) + "; fallback side used \(statistics.fallbackCredential)")
        }
        let perRequest = Double(statistics.attempts) / Double(statistics.requests)
        lines.append("attempts: \(statistics.attempts) (\(format(perRequest)) per request)")
        if let p50 = statistics.latencyPercentile(0.5), let p99 = statistics.latencyPercentile(0.99) {
            lines.append("latency: p50 \(format(p50)) ms, p99 \(format(p99)) ms (simulated)")
        }
        for (message, count) in statistics.errors.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(3) {
            lines.append("error ×\(count): \(message)")
        }
        return lines
    }

    private static func counts(_ pairs: [(String, Int)]) -> String {
        pairs.sorted { $0.0 < $1.0 }.map { "\($0.0) ×\($0.1)" }.joined(separator: ", ")
    }
}
