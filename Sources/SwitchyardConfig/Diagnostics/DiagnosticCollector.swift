/// Collects diagnostics during one phase (loading, decoding, validating) so that all of them are reported.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// Records one finding.
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a finding built from its parts.
    public func report(
        _ code: DiagnosticCode,
        _ severity: Diagnostic.Severity? = nil,
        at location: SourceLocation?,
        path: String? = nil,
        _ message: String,
        notes: [String] = []
    ) {
        diagnostics.append(Diagnostic(code, severity, at: location, path: path, message, notes: notes))
    }

    /// Whether an error has been recorded so far.
    public var hasErrors: Bool { diagnostics.hasErrors }
}
