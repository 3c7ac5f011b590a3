import SwitchyardConfig

/// One `extra_headers` or `extra_body` entry of a provider or variant, as the gateway applies it.
public struct ExtraSetting: Sendable, Hashable {
    /// What the entry does to its target.
    public enum Action: Sendable, Hashable {
        /// Sets the target to a value the plan holds and writes.
        case set(JSONValue)
        /// Sets the target to a value that may be a credential (see `mayCarryCredential`): held in memory as a
        /// `Secret` holding the value's JSON text, never written to plan JSON. `nil` when the plan
        /// was read back from JSON and so does not have it.
        case setWithheld(Secret?)
        /// Removes the target.
        case delete
    }

    /// The header name (`extra_headers`) or JSON pointer (`extra_body`).
    public var target: String
    public var action: Action

    public init(target: String, action: Action) {
        self.target = target
        self.action = action
    }

    /// Words in a header name or JSON pointer that mark its value as a possible credential.
    static let credentialWords = ["auth", "key", "token", "secret", "password", "passwd", "credential", "cookie", "signature"]

    /// Whether a value written under `target` may be a credential (`Authorization`, `x-api-key`,
    /// `/metadata/access_token`, ...), and so must stay out of plan JSON.
    public static func mayCarryCredential(_ target: String) -> Bool {
        let lowered = target.lowercased()
        return credentialWords.contains { lowered.contains($0) }
    }
}
