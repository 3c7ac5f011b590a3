/// How a credential location stands when the gateway starts. Never carries the secret itself.
public enum CredentialStatus: String, Sendable, Hashable, Comparable {
    /// The variable is set or the file is readable.
    case available
    /// The variable is unset or the file cannot be read.
    case missing
    /// `dynamic::`: resolved from each request's `credentials`.
    case perRequest = "per_request"
    /// `sdk`: the provider SDK's own chain, resolved by the provider.
    case providerSDK = "provider_sdk"
    /// `none`: no credential is sent.
    case noCredential = "no_credential"
    /// Shorthand models: TensorZero resolves the credential on first use, not at startup.
    case checkedOnFirstUse = "checked_on_first_use"

    public static func < (lhs: CredentialStatus, rhs: CredentialStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which side of a `{ default, fallback }` setting a location is.
public enum CredentialRole: String, Sendable, Hashable {
    /// The only location.
    case only
    case `default`
    case fallback
}

/// Where a provider's effective credential setting came from.
public enum CredentialOrigin: String, Sendable, Hashable {
    /// The provider's own `api_key_location` / `credential_location` (or AWS fields).
    case provider
    /// `[provider_types.T.defaults]`.
    case providerTypeDefaults = "provider_types"
    /// TensorZero's built-in default for the type.
    case builtIn = "built_in"
}
