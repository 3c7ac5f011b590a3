/// A `service_tier` inference parameter: the values TensorZero 2026.6.0 accepts, in the order its errors list them.
public enum ServiceTier: String, Sendable, Hashable, CaseIterable {
    case auto
    case `default`
    case priority
    case flex

    /// TensorZero's message for any other value: ``unknown variant `x`, expected one of `auto`, `default`, ...``.
    public static func unknownValueMessage(_ value: String) -> String {
        "unknown variant `\(value)`, expected one of \(allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))"
    }
}
