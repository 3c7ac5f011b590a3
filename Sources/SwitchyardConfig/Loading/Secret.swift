/// A credential value. It cannot be printed, interpolated or encoded by accident: every textual form is
/// `<redacted>`, and the value is reachable only through `withValue`, by code that sends it to a provider.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let storage: String

    public init(_ value: String) {
        storage = value
    }

    /// Runs `body` with the secret's text; callers must not store, log or return it.
    public func withValue<Result>(_ body: (String) throws -> Result) rethrows -> Result {
        try body(storage)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
