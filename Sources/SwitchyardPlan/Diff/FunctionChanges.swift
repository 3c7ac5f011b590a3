/// What changed in one function: sampling, fallbacks, variants and their settings, and where traffic goes.
struct FunctionChanges {
    let old: RoutingPlan
    let new: RoutingPlan

    /// The change lines of function `name`, empty when nothing changed.
    func lines(_ name: String) -> [String] {
        switch (old.functions[name], new.functions[name]) {
        case (nil, let added?):
            return ["added, with variants \(DiffWording.names(added.variants.keys.sorted()))"] + trafficLines(nil, added)
        case (let removed?, nil):
            return ["removed (it had variants \(DiffWording.names(removed.variants.keys.sorted())))"]
        case (let before?, let after?):
            return compare(before, after)
        case (nil, nil):
            return []
        }
    }

    private func compare(_ before: FunctionPlan, _ after: FunctionPlan) -> [String] {
        var lines: [String] = []
        if let kind = DiffWording.change("type", before.kind.rawValue, after.kind.rawValue) { lines.append(kind) }
        if let policy = DiffWording.change("sampling", before.sampling.policy.rawValue, after.sampling.policy.rawValue) { lines.append(policy) }
        let oldVariants = Set(before.variants.keys), newVariants = Set(after.variants.keys)
        let added = newVariants.subtracting(oldVariants).sorted(), removed = oldVariants.subtracting(newVariants).sorted()
        if !added.isEmpty { lines.append("variants added: \(DiffWording.names(added))") }
        if !removed.isEmpty { lines.append("variants removed: \(DiffWording.names(removed))") }
        let oldShares = TrafficShares.variantShares(before), newShares = TrafficShares.variantShares(after)
        let shareChanges = oldVariants.union(newVariants).sorted().compactMap { variant -> String? in
            let was = oldShares[variant] ?? 0, now = newShares[variant] ?? 0
            return abs(was - now) < 1e-9 ? nil : "`\(variant)` \(DiffWording.percent(was)) → \(DiffWording.percent(now))"
        }
        if !shareChanges.isEmpty { lines.append("variant shares of first choices: " + shareChanges.joined(separator: ", ")) }
        if before.sampling.fallbacks != after.sampling.fallbacks {
            lines.append("fallback variants: \(DiffWording.names(before.sampling.fallbacks)) → \(DiffWording.names(after.sampling.fallbacks))")
        }
        for variant in oldVariants.intersection(newVariants).sorted() {
            lines += variantLines(before.variants[variant]!, after.variants[variant]!)
        }
        return lines + trafficLines(before, after)
    }

    private func variantLines(_ before: VariantPlan, _ after: VariantPlan) -> [String] {
        let changes = [
            DiffWording.change("type", before.kind.rawValue, after.kind.rawValue),
            DiffWording.change("model", "`\(before.model ?? "none")`", "`\(after.model ?? "none")`"),
            DiffWording.change("retries", "\(before.numRetries) (max delay \(before.maxDelaySeconds) s)", "\(after.numRetries) (max delay \(after.maxDelaySeconds) s)"),
            DiffWording.change("timeouts", DiffWording.timeouts(before.timeouts), DiffWording.timeouts(after.timeouts)),
            DiffWording.change("candidates", DiffWording.names(before.candidates), DiffWording.names(after.candidates)),
        ].compactMap { $0 }
            + FileChanges.lines("template", before.templates.mapValues(\.file), after.templates.mapValues(\.file))
            + FileChanges.lines("schema", before.schemas, after.schemas)
        // An evaluator's or fuser's own settings, under its name (`V.evaluator`).
        let judgeLines = before.judge.flatMap { old in after.judge.map { variantLines(old, $0) } } ?? []
        return changes.map { "variant `\(before.name)`: \($0)" } + judgeLines
    }

    /// Healthy traffic by upstream and credential, where it changed.
    private func trafficLines(_ before: FunctionPlan?, _ after: FunctionPlan) -> [String] {
        let was = before.map { TrafficShares.of($0, in: old) } ?? [:]
        let now = TrafficShares.of(after, in: new)
        let moves = Set(was.keys).union(now.keys).sorted().compactMap { upstream -> String? in
            let from = was[upstream] ?? 0, to = now[upstream] ?? 0
            return abs(from - to) < 1e-9 ? nil : "`\(upstream)` \(DiffWording.percent(from)) → \(DiffWording.percent(to))"
        }
        return moves.isEmpty ? [] : ["traffic (healthy, by first provider and credential): " + moves.joined(separator: ", ")]
    }
}
