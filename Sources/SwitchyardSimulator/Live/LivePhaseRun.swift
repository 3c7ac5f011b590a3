import Foundation
import SwitchyardReports

/// One phase against the real gateway: the same startup, expectations, summary and trace as `PhaseRun`, with
/// the traffic sent over HTTP to a gateway in this process and answered by loopback mock upstreams.
struct LivePhaseRun {
    let phaseRun: PhaseRun
    let options: LiveOptions

    func run() -> PhaseReport {
        let gateway = phaseRun.gateway
        // A gateway that refuses to start refuses it live too (the same compilation), and nothing is sent.
        guard let engine = gateway.engine else { return phaseRun.run() }
        let began = Date()
        let phase = phaseRun.phase
        let schedule = LiveSchedule(phaseRun: phaseRun, engine: engine)
        let traffic = LivePhaseTraffic(
            plan: engine.plan, environment: gateway.environment, schedule: schedule, scripts: phaseRun.scripts(),
            revoked: phaseRun.revokedSecrets(), options: options
        )
        let outcomes: [LiveRequestOutcome]
        switch traffic.run() {
        case .success(let observed):
            outcomes = observed
        case .failure(let failure):
            return PhaseReport(
                name: phase.name, wallSeconds: Date().timeIntervalSince(began), requests: 0, summary: [], checks: [],
                error: "the live gateway or its mock upstreams failed: \(failure)"
            )
        }
        var statistics = PhaseStatistics()
        for outcome in outcomes {
            statistics.record(outcome)
            phaseRun.options.trace?.record(outcome, phase: phase.name)
        }
        phaseRun.options.trace?.flushPhase()
        let checks = ExpectationEvaluator(statistics: statistics, startupErrors: gateway.errors).checks(phase.expectations)
            .filter { !$0.name.hasPrefix("latency_ms.") }
        var summary = PhaseSummary.lines(statistics)
        var timing = PhaseStatistics()
        timing.latencies = outcomes.map(\.latency)
        if let p50 = timing.latencyPercentile(0.5), let p99 = timing.latencyPercentile(0.99) {
            summary.append("latency: p50 \(format(p50)) ms, p99 \(format(p99)) ms (real, upstream latencies ×\(format(options.timeScale)))")
        }
        if phase.expectations.latencyP50Ms != nil || phase.expectations.latencyP99Ms != nil {
            summary.append("latency_ms not checked: it bounds simulated latencies")
        }
        let unanswered = outcomes.filter { $0.status == 0 }
        let broken = outcomes.filter { $0.status == 200 && $0.error != nil }
        let problems = [
            unanswered.first.map { "\(unanswered.count) request(s) got no answer from the live gateway; the first: \($0.error ?? "?")" },
            broken.first.map { "\(broken.count) streaming request(s) did not stream their answer to its end; the first: \($0.error ?? "?")" },
        ].compactMap { $0 }
        var report = PhaseReport(
            name: phase.name, wallSeconds: Date().timeIntervalSince(began), requests: statistics.requests, summary: summary, checks: checks,
            error: problems.isEmpty ? nil : problems.joined(separator: "; ")
        )
        if statistics.requests > 0 { report.traffic = statistics.traffic }
        return report
    }
}
