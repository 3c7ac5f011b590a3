import SwitchyardConfig

/// A best-of-N / mixture-of-N variant whose candidates lead back to itself (directly or through another such
/// variant) would run forever: TensorZero 2026.6.0's gateway overflows its stack at startup on such a config
/// (checked against it), so it is an error here.
struct CandidateCycleRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for function in config.functions {
            let candidates = Dictionary(function.variants.map { ($0.name.value, $0.candidates.map(\.value)) }) { first, _ in first }
            for variant in function.variants where !variant.candidates.isEmpty {
                guard let path = cycle(from: variant.name.value, candidates: candidates) else { continue }
                diagnostics.report(
                    .candidateCycle, at: variant.location, path: variant.path,
                    "variant `\(variant.name.value)` runs itself through its candidates (\(path.joined(separator: " → "))); TensorZero's gateway crashes at startup on this config"
                )
            }
        }
    }

    /// The candidate path from `start` back to itself, if there is one.
    private func cycle(from start: String, candidates: [String: [String]]) -> [String]? {
        var visited: Set<String> = []
        func walk(_ name: String, _ path: [String]) -> [String]? {
            for next in candidates[name] ?? [] {
                if next == start { return path + [next] }
                guard visited.insert(next).inserted, let found = walk(next, path + [next]) else { continue }
                return found
            }
            return nil
        }
        return walk(start, [start])
    }
}
