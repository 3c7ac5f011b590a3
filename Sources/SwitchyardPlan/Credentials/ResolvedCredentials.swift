import SwitchyardConfig

/// One location in a provider's credential chain, with its startup status. Holds no secret.
public struct CredentialLink: Sendable, Hashable {
    public var location: CredentialLocation
    public var role: CredentialRole
    public var status: CredentialStatus
    /// The field that names this location (`api_key_location`, `access_key_id`, ...).
    public var field: String
    /// Where a startup diagnostic about this location points (where it was written, or the provider's table
    /// for a built-in default); `nil` for links the gateway does not check at startup (shorthand models, AWS).
    public var checkedAt: SourceLocation? = nil
}

/// A provider's effective credential chain: where the setting came from and each location in it.
public struct ResolvedCredentials: Sendable, Hashable {
    public var origin: CredentialOrigin
    public var links: [CredentialLink]
}
