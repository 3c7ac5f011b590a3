/// What `simulate --coverage` prints: per config, which items the scenarios exercised and which none did.
public struct CoverageReport: Sendable {
    /// One config's items.
    public struct Config: Sendable {
        /// The config's files.
        public var name: String
        public var items: [CoverageItem]
        public var exercised: Set<CoverageItem>

        /// Items no scenario exercised, in report order.
        public var missed: [CoverageItem] { items.filter { !exercised.contains($0) } }
    }

    public var configs: [Config]

    public var itemCount: Int { configs.reduce(0) { $0 + $1.items.count } }
    public var exercisedCount: Int { configs.reduce(0) { $0 + $1.exercised.count } }

    /// Exercised items as a percentage of all items (100 when there are none).
    public var percent: Double {
        itemCount == 0 ? 100 : Double(exercisedCount) * 100 / Double(itemCount)
    }

    /// `percent` as the report prints it (`96.8%`).
    public var percentText: String { Self.percent(percent) }

    /// The report as text, ending with a newline.
    public func text() -> String {
        var lines = ["coverage: \(configs.count) config\(configs.count == 1 ? "" : "s"), \(exercisedCount) of \(itemCount) items (\(Self.percent(percent)))"]
        for config in configs {
            let share = config.items.isEmpty ? 100 : Double(config.exercised.count) * 100 / Double(config.items.count)
            lines.append("  \(config.name): \(config.exercised.count) of \(config.items.count) (\(Self.percent(share)))")
            let kinds = CoverageItem.Kind.allCases.map { kind in
                "\(kind.title) \(config.exercised.filter { $0.kind == kind }.count)/\(config.items.filter { $0.kind == kind }.count)"
            }
            lines.append("    " + kinds.joined(separator: ", "))
            let missed = config.missed
            if !missed.isEmpty {
                lines.append("    not exercised:")
                lines += missed.map { "      \(Self.singular($0.kind)) \($0.name)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A percentage with at most one decimal, rounded down so that 99.96% never reads as 100%.
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.down))
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    private static func singular(_ kind: CoverageItem.Kind) -> String {
        switch kind {
        case .function: "function"
        case .variant: "variant"
        case .model: "model"
        case .provider: "provider"
        case .credential: "credential"
        case .fallbackEdge: "fallback edge"
        }
    }
}
