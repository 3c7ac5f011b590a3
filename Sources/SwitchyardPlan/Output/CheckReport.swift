import SwitchyardConfig

/// What `switchyard check` prints: every diagnostic, then a one-line summary (text), or one JSON document.
public struct CheckReport: Sendable, CanonicalJSONEncodable {
    public var compilation: Compiler.Compilation

    public init(_ compilation: Compiler.Compilation) {
        self.compilation = compilation
    }

    /// Whether the config would load in TensorZero (no errors).
    public var isValid: Bool { !compilation.diagnostics.hasErrors }

    /// `path:line:col: severity[code]: message` lines, then the summary.
    public var text: String {
        var lines = compilation.diagnostics.map(\.description)
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as canonical JSON.
    public var json: String {
        CanonicalJSONWriter.render(self)
    }

    /// The report's canonical JSON: counts, diagnostics, files and validity.
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("counts", counts)
            json.member("diagnostics", compilation.diagnostics)
            json.member("files", compilation.files)
            json.member("valid", isValid)
        }
    }

    private var counts: [String: Int] {
        var counts: [String: Int] = [:]
        for severity in Diagnostic.Severity.allCases {
            counts["\(severity.rawValue)s"] = compilation.diagnostics.filter { $0.severity == severity }.count
        }
        if let plan = compilation.plan {
            counts["models"] = plan.models.count
            counts["providers"] = plan.models.values.reduce(0) { $0 + $1.routing.count }
            counts["functions"] = plan.functions.count
            counts["variants"] = plan.functions.values.reduce(0) { $0 + $1.variants.count }
        }
        return counts
    }

    private var summary: String {
        let files = compilation.files.count == 1 ? compilation.files[0] : "\(compilation.files.count) files"
        let errors = compilation.diagnostics.filter { $0.severity == .error }.count
        let warnings = compilation.diagnostics.filter { $0.severity == .warning }.count
        let findings = "\(plural(errors, "error")), \(plural(warnings, "warning"))"
        guard let plan = compilation.plan else { return "\(files): invalid: \(findings)" }
        let providers = plan.models.values.reduce(0) { $0 + $1.routing.count }
        let variants = plan.functions.values.reduce(0) { $0 + $1.variants.count }
        return "\(files): valid: \(plural(plan.models.count, "model")), \(plural(providers, "provider")), "
            + "\(plural(plan.functions.count, "function")), \(plural(variants, "variant")); \(findings)"
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
