/// One `[metrics.M]` table (feedback metrics; adaptive experimentation optimises one).
public struct MetricConfig: Sendable {
    public var name: Located<String>

    static let fields = ["type", "optimize", "level", "description"]
    static let choices: [String: [String]] = [
        "type": ["boolean", "float"],
        "optimize": ["min", "max"],
        "level": ["inference", "episode"],
    ]

    static func read(name: Located<String>, value: TOMLValue, diagnostics: DiagnosticCollector) -> MetricConfig? {
        guard var reader = TableReader(value, path: keyPath("metrics", name.value), diagnostics: diagnostics) else { return nil }
        for field in ["type", "optimize", "level"] {
            guard let text = reader.string(field, required: true), let accepted = choices[field] else { continue }
            if !accepted.contains(text.value) {
                diagnostics.report(
                    .invalidValue, at: text.location, path: reader.path(of: field),
                    "unknown variant `\(text.value)`, \(TableReader.describeExpected(accepted))"
                )
            }
        }
        _ = reader.string("description")
        reader.rejectUnknownKeys(expected: fields)
        return MetricConfig(name: name)
    }
}
