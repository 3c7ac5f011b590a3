/// Where a credential comes from, as written in `api_key_location`, `credential_location` and AWS fields.
///
/// Only the location is ever kept; the secret itself is read when needed and never stored in a plan.
public enum CredentialLocation: Sendable, Hashable, CustomStringConvertible {
    /// `env::NAME`: an environment variable of the gateway process.
    case env(String)
    /// `path_from_env::NAME`: an environment variable that holds a file path; the file holds the credential.
    case pathFromEnv(String)
    /// `dynamic::KEY`: the request's `credentials[KEY]`.
    case dynamic(String)
    /// `path::FILE`: a file's contents.
    case path(String)
    /// `sdk`: the provider SDK's own credential chain (AWS, GCP).
    case sdk
    /// `none`: no credential at all.
    case none

    /// Parses a location string by prefix, in TensorZero's order; `nil` when no form matches.
    public init?(parsing text: String) {
        if let name = text.dropPrefix("env::") { self = .env(name) }
        else if let name = text.dropPrefix("path_from_env::") { self = .pathFromEnv(name) }
        else if let key = text.dropPrefix("dynamic::") { self = .dynamic(key) }
        else if let file = text.dropPrefix("path::") { self = .path(file) }
        else if text == "sdk" { self = .sdk }
        else if text == "none" { self = .none }
        else { return nil }
    }

    /// TensorZero's message for a string that is not a location.
    public static func formatError(_ text: String) -> String {
        "Invalid credential location format: `\(text)`. Use `env::VAR_NAME`, `path::FILE_PATH`, `dynamic::KEY_NAME`, or `sdk`."
    }

    /// The location written back the way a user writes it (`env::OPENAI_API_KEY`).
    public var description: String {
        switch self {
        case .env(let name): "env::\(name)"
        case .pathFromEnv(let name): "path_from_env::\(name)"
        case .dynamic(let key): "dynamic::\(key)"
        case .path(let file): "path::\(file)"
        case .sdk: "sdk"
        case .none: "none"
        }
    }

    /// The form's name (`env`, `path_from_env`, `dynamic`, `path`, `sdk`, `none`).
    public var form: CredentialForm {
        switch self {
        case .env: .env
        case .pathFromEnv: .pathFromEnv
        case .dynamic: .dynamic
        case .path: .path
        case .sdk: .sdk
        case .none: .none
        }
    }
}

/// The kinds of credential location, without their arguments.
public enum CredentialForm: String, Sendable, Hashable, CaseIterable {
    case env
    case pathFromEnv = "path_from_env"
    case dynamic
    case path
    case sdk
    case none
}

/// A credential setting: one location, or `{ default, fallback }`.
public enum CredentialSpec: Sendable, Hashable {
    case single(Located<CredentialLocation>)
    case withFallback(default: Located<CredentialLocation>, fallback: Located<CredentialLocation>)

    /// The locations in the order they are tried.
    public var locations: [Located<CredentialLocation>] {
        switch self {
        case .single(let location): [location]
        case .withFallback(let primary, let fallback): [primary, fallback]
        }
    }

    /// Where the setting was written.
    public var location: SourceLocation {
        switch self {
        case .single(let location), .withFallback(let location, _): location.location
        }
    }
}

extension String {
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(decoding: utf8.dropFirst(prefix.utf8.count), as: UTF8.self) : nil
    }
}
