import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// Collects, across every scenario of a `simulate --coverage` run, which items of each config the requests
/// exercised. Pass it in `ScenarioRunner.Options`; read the result with `report()`.
public final class CoverageRecorder {
    private var universes: [String: CoverageUniverse] = [:]
    private var exercised: [String: Set<CoverageItem>] = [:]

    public init() {}

    /// The key a config is counted under: its files, each path resolved (`a/../b` is `b`) and shown relative to
    /// the working directory when it lies below it.
    static func key(files: [String]) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return files.map { file in
            let resolved = URL(fileURLWithPath: file.hasPrefix("/") ? file : here + file).standardized.path
            return resolved.hasPrefix(here) ? String(resolved.dropFirst(here.count)) : resolved
        }.joined(separator: ", ")
    }

    /// Adds a scenario's config, compiled with a stand-in for every credential variable (so that its items do
    /// not depend on the scenario's environment) overlaid with the scenario's own `environment`.
    func include(_ config: ConfigLoader.Result, environment: [String: String], workingDirectory: String) {
        let key = Self.key(files: config.config.files)
        guard universes[key] == nil else { return }
        let stand = StandInEnvironment.make(for: config.config, overrides: Environment(environment))
        guard let plan = Compiler.compile(config, environment: stand, workingDirectory: workingDirectory).plan else { return }
        universes[key] = CoverageUniverse(plan: plan)
    }

    /// Counts what `result` exercised; `function` is the function the request named, if it named one.
    func record(_ result: InferenceResult, function: String?, plan: RoutingPlan) {
        let key = Self.key(files: plan.sourceFiles)
        guard let universe = universes[key] else { return }
        var items = exercised[key] ?? []
        if let function { items.insert(CoverageItem(.function, function)) }
        if let function, result.status == 200, let variant = result.variant { items.insert(CoverageItem(.variant, "\(function).\(variant)")) }
        for record in result.trace {
            if let function { items.insert(CoverageItem(.variant, "\(function).\(record.variant)")) }
            items.insert(CoverageItem(.model, record.model))
            guard record.isAttempt else { continue }
            items.insert(CoverageItem(.provider, "\(record.model).\(record.provider)"))
            items.formUnion(credentialItems(record, plan: universe.plan))
        }
        for (before, after) in zip(result.trace, result.trace.dropFirst()) {
            // A best-of-N variant's candidates and evaluator are steps of that variant, not fallbacks.
            let (from, to) = (before.within ?? before.variant, after.within ?? after.variant)
            if from != to {
                if let function { items.insert(.variantEdge(function: function, to: to)) }
            } else if before.variant == after.variant, before.model == after.model {
                items.insert(.providerEdge(model: after.model, from: before.provider, to: after.provider))
            }
        }
        exercised[key] = items
    }

    /// Every config's items and which of them were exercised.
    public func report() -> CoverageReport {
        CoverageReport(configs: universes.keys.sorted().map { key in
            let items = universes[key]!.items
            return CoverageReport.Config(name: key, items: items.sorted(), exercised: (exercised[key] ?? []).intersection(items))
        })
    }

    /// The credential items an attempt exercised: the location it presented on its side, or every field of a
    /// multi-field setting (AWS key pairs are sent together).
    private func credentialItems(_ record: AttemptRecord, plan: RoutingPlan) -> [CoverageItem] {
        guard let credential = record.credential else { return [] }
        let links = plan.model(named: record.model)?.routing.first { $0.name == record.provider }?.credentials.links ?? []
        if links.count > 1, links.allSatisfy({ $0.role == .only }) {
            return links.map { .credential($0.location.description, side: nil) }
        }
        let role = links.first { $0.location.description == credential && ($0.role == .fallback) == record.usedFallbackCredential }?.role
        return [.credential(credential, side: role.flatMap(CoverageUniverse.side))]
    }
}
