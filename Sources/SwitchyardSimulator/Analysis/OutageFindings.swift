import SwitchyardConfig
import SwitchyardPlan
import SwitchyardReports

/// Draws findings from the simulated runs: what each failure did, and what the healthy run shows about
/// sampling. Every finding quotes the numbers the simulation observed.
struct OutageFindings {
    let plan: RoutingPlan
    let healthy: [String: FunctionTally]
    /// Each injected failure with every function's tally under it.
    let runs: [(failure: FailureDomain, tallies: [String: FunctionTally])]

    func all() -> [AnalysisFinding] {
        var findings: [AnalysisFinding] = []
        for (failure, tallies) in runs {
            for function in tallies.keys.sorted() {
                let effect = ImpactMeasure.effect(of: function, healthy: healthy[function]!, failing: tallies[function]!)
                findings += impactFindings(failure, effect: effect, tally: tallies[function]!)
                if case .credential(let location) = failure { findings += reuseFindings(location, function: function, tally: tallies[function]!) }
            }
        }
        for function in plan.functions.keys.sorted() {
            findings += neverSampledFindings(function)
            findings += weightFindings(function)
        }
        return findings
    }

    private func impactFindings(_ failure: FailureDomain, effect: FunctionEffect, tally: FunctionTally) -> [AnalysisFinding] {
        let function = effect.function
        let status = tally.commonFailureStatus.map { " (mostly status \($0))" } ?? ""
        let failed = "\(effect.lost) of \(effect.requests) requests failed\(status)"
        if case .missingDynamicCredential(let key) = failure {
            guard effect.losesRequests else { return [] }
            let readers = providers(of: function) { $0.links.count == 1 && $0.links[0].location == .dynamic(key) }
            return [AnalysisFinding(
                severity: .warning, rule: .dynamicCredentialWithoutFallback, function: function,
                message: "\(list(readers)) \(readers.count == 1 ? "reads" : "read") `\(failure.subject)` with no fallback credential and no "
                    + "later routing entry that serves: a request to `\(function)` without `credentials.\(key)` fails",
                evidence: "requests without it: \(failed)"
            )]
        }
        switch effect.outcome {
        case .unaffected:
            return []
        case .reroutes:
            return [AnalysisFinding(
                severity: .note, rule: .capacityLoss, function: function,
                message: "when \(describe(failure)), \(ReportNumbers.percent(effect.rerouted, of: effect.requests)) of `\(function)`'s traffic "
                    + "must fail over (+\(ReportNumbers.decimal(effect.extraAttemptsPerRequest)) attempts per request)",
                evidence: "\(effect.rerouted) of \(effect.requests) requests were served only after a failed attempt"
            )]
        case .losesSome:
            return [AnalysisFinding(
                severity: .error, rule: .partialOutage, function: function,
                message: "when \(describe(failure)), `\(function)` loses \(ReportNumbers.percent(effect.lost, of: effect.requests)) of its requests",
                evidence: failed
            )]
        case .losesAll:
            return [spof(failure, function: function, evidence: failed)]
        }
    }

    private func spof(_ failure: FailureDomain, function: String, evidence: String) -> AnalysisFinding {
        var severity = AnalysisSeverity.error
        let message: String
        switch failure {
        case .credential(let location):
            message = "function `\(function)` has one credential, `\(location)`, on every path" + (hasFallbackSide(location) ?
                " (its `{ default, fallback }` fallback is used only when the default cannot be resolved, never after a 401)" : "")
            // A caller's own key failing fails only that caller's requests.
            if location.form == .dynamic { severity = .warning }
        case .provider(let model, let provider):
            message = "function `\(function)` depends on provider `\(model).\(provider)` on every path"
        case .model(let model):
            message = "function `\(function)` depends on model `\(model)` on every path"
        case .missingDynamicCredential:
            message = "function `\(function)` needs `\(failure.subject)` on every path"
        }
        return AnalysisFinding(severity: severity, rule: .singlePointOfFailure, function: function, message: message,
                               evidence: "when \(describe(failure)), \(evidence)")
    }

    private func reuseFindings(_ location: CredentialLocation, function: String, tally: FunctionTally) -> [AnalysisFinding] {
        guard tally.reuseRequests > 0 else { return [] }
        let entries = tally.reusedBy.sorted()
        return [AnalysisFinding(
            severity: .warning, rule: .fallbackReusesCredential, function: function,
            message: "`\(function)` falls back to \(list(entries)), which \(entries.count == 1 ? "uses" : "use") `\(location)` too, "
                + "so \(entries.count == 1 ? "it fails" : "they fail") along with it",
            evidence: "with `\(location)` revoked, \(tally.reuseRequests) of \(tally.requests) requests presented it again after a 401 "
                + "(\(tally.wastedAttempts) wasted attempts)"
        )]
    }

    private func neverSampledFindings(_ function: String) -> [AnalysisFinding] {
        guard let sampling = plan.functions[function]?.sampling else { return [] }
        let runCount = runs.count
        return sampling.neverSampled.filter { variant in
            healthy[function]?.servedByVariant[variant] == nil && runs.allSatisfy { $0.tallies[function]?.servedByVariant[variant] == nil }
        }.map { variant in
            AnalysisFinding(
                severity: .warning, rule: .neverSampled, function: function,
                message: "variant `\(variant)` of `\(function)` is never sampled: it is neither a candidate with a positive weight nor a fallback "
                    + "(only a request pinning it with `variant_name` reaches it)",
                evidence: "it served none of \(healthy[function]?.requests ?? 0) requests in the healthy run, nor under any of \(runCount) failures"
            )
        }
    }

    private func weightFindings(_ function: String) -> [AnalysisFinding] {
        guard let sampling = plan.functions[function]?.sampling, sampling.policy == .staticWeights || sampling.policy == .legacyWeights,
              !sampling.candidates.isEmpty else { return [] }
        let total = sampling.candidates.reduce(0) { $0 + max(0, $1.weight) }
        let zero = sampling.candidates.filter { $0.weight <= 0 }.map(\.variant)
        let sumsOddly = abs(total - 1) > 1e-9 && abs(total - 100) > 1e-9
        guard sumsOddly || !zero.isEmpty else { return [] }
        let shares = sampling.candidates.filter { $0.share > 0 }.map { "\($0.variant) \(percent($0.share))" }.joined(separator: ", ")
        var problems: [String] = []
        if sumsOddly { problems.append("its candidate weights sum to \(ReportNumbers.decimal(total)), not 1 (or 100)") }
        if !zero.isEmpty { problems.append("\(list(zero)) \(zero.count == 1 ? "has" : "have") weight 0 and \(zero.count == 1 ? "is" : "are") only drawn once every other variant failed") }
        let served = healthy[function].map { tally in
            sampling.candidates.map { "\($0.variant) \(ReportNumbers.percent(tally.servedByVariant[$0.variant, default: 0], of: tally.successes))" }
                .joined(separator: ", ") + " of \(tally.successes) successes"
        } ?? "no healthy run"
        return [AnalysisFinding(
            severity: .warning, rule: .oddWeights, function: function,
            message: "`\(function)`: " + problems.joined(separator: "; ") + (shares.isEmpty ? "" : "; TensorZero normalises the shares to \(shares)"),
            evidence: "healthy run: \(served)"
        )]
    }

    /// `MODEL.PROVIDER` of each provider `function`'s variants reach whose credentials satisfy `matches`.
    private func providers(of function: String, matching matches: (ResolvedCredentials) -> Bool) -> [String] {
        guard let variants = plan.functions[function]?.variants.values else { return [] }
        let models = Set(variants.flatMap { [$0.model, $0.judgeModel].compactMap { $0 } })
        return models.sorted().flatMap { name in
            (plan.model(named: name)?.routing ?? []).filter { matches($0.credentials) }.map { "\(name).\($0.name)" }
        }
    }

    private func hasFallbackSide(_ location: CredentialLocation) -> Bool {
        (plan.models.values.flatMap(\.routing) + plan.shorthandModels.values.flatMap(\.routing)).contains { provider in
            provider.credentials.links.contains { $0.location == location && $0.role == .default }
        }
    }

    private func describe(_ failure: FailureDomain) -> String {
        switch failure {
        case .credential(let location): "`\(location)` is revoked"
        case .provider(let model, let provider): "`\(model).\(provider)` answers 503"
        case .model(let model): "every provider of `\(model)` answers 503"
        case .missingDynamicCredential(let key): "requests lack `credentials.\(key)`"
        }
    }

    private func list(_ names: [String]) -> String {
        names.map { "`\($0)`" }.joined(separator: ", ")
    }

    private func percent(_ share: Double) -> String { ReportNumbers.share(share) }
}
