/// One finding about a configuration: what is wrong (or risky), where, and under which stable code.
///
/// Diagnostics are collected, never thrown, so that one run reports every problem in a config.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The stable code, e.g. `SY0201`.
    public var code: DiagnosticCode
    public var severity: Severity
    /// The dotted key path the finding is about (`models.m.providers.p.api_key_location`), if any.
    public var keyPath: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// Where the finding points; `nil` only for findings about the command line or the file set.
    public var location: SourceLocation?
    /// Extra context: where TensorZero's docs and code disagree, what would fix it, ...
    public var notes: [String]

    public init(
        _ code: DiagnosticCode,
        _ severity: Severity? = nil,
        at location: SourceLocation?,
        path keyPath: String? = nil,
        _ message: String,
        notes: [String] = []
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.keyPath = keyPath
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The message with its key path in front, as TensorZero prints it (`models.m: ...`).
    public var fullMessage: String {
        guard let keyPath, !keyPath.isEmpty else { return message }
        return "`\(keyPath)`: \(message)"
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:col: error[SY0201]: message`, then one `note:` line per note.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(code.rawValue)]: \(fullMessage)"
        for note in notes { text += "\n  note: \(note)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Findings in file order (then by code), so output reads top to bottom.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (lhs.code.rawValue, lhs.message) < (rhs.code.rawValue, rhs.message)
            }
        }
    }
}
