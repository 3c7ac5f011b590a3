/// A routing change `diff --deny` refuses (exit 3).
public enum DenyRule: String, Sendable, Hashable, CaseIterable {
    /// A function that could be served by more than one route can now be served by only one (or none).
    case lostLastFallback = "lost-last-fallback"
    /// A function is gone.
    case functionRemoved = "function-removed"
    /// A variant is gone.
    case variantRemoved = "variant-removed"
    /// A provider's credential chain changed.
    case credentialChanged = "credential-changed"
    /// A function whose routes used several credential locations now uses a single one on every path.
    case singleCredential = "single-credential"

    /// What the rule refuses, for `--help`.
    public var summary: String {
        switch self {
        case .lostLastFallback: "a function is left with one route (or none) where it had several"
        case .functionRemoved: "a function is removed"
        case .variantRemoved: "a variant is removed"
        case .credentialChanged: "a provider's credential chain changes"
        case .singleCredential: "a function's routes all use one credential location where they used several"
        }
    }
}

/// A denied change found by `diff`.
public struct DenyViolation: Sendable, Hashable {
    public var rule: DenyRule
    public var message: String
}
