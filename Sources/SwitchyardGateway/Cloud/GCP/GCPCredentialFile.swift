import Foundation

/// A Google credential file as TensorZero and Google's libraries read it: a service-account key
/// (`type = "service_account"`: `client_email`, `private_key`, `private_key_id`, `token_uri`), or, for
/// Application Default Credentials, an `authorized_user` file (`client_id`, `client_secret`,
/// `refresh_token`). Built inside `Secret.withValue`; it never prints its contents.
enum GCPCredentialFile: CustomStringConvertible, CustomReflectable {
    case serviceAccount(clientEmail: String, privateKeyPEM: String, privateKeyID: String, tokenURI: String)
    case authorizedUser(clientID: String, clientSecret: String, refreshToken: String, tokenURI: String)

    /// Google's OAuth 2.0 token endpoint, for files that name none.
    static let defaultTokenURI = "https://oauth2.googleapis.com/token"

    /// Why a file cannot be used; never quotes the file.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the file's JSON text.
    static func parse(_ text: String) -> Result<GCPCredentialFile, Problem> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return .failure(Problem(description: "the credential file is not a JSON object"))
        }
        func field(_ name: String) -> Result<String, Problem> {
            guard let value = object[name] as? String, !value.isEmpty else { return .failure(Problem(description: "missing `\(name)`")) }
            return .success(value)
        }
        let tokenURI = (object["token_uri"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? defaultTokenURI
        switch object["type"] as? String {
        case "authorized_user":
            return field("client_id").flatMap { id in
                field("client_secret").flatMap { secret in
                    field("refresh_token").map { .authorizedUser(clientID: id, clientSecret: secret, refreshToken: $0, tokenURI: tokenURI) }
                }
            }
        case "service_account", nil:
            return field("client_email").flatMap { email in
                field("private_key").flatMap { key in
                    field("private_key_id").map { .serviceAccount(clientEmail: email, privateKeyPEM: key, privateKeyID: $0, tokenURI: tokenURI) }
                }
            }
        case let other?:
            return .failure(Problem(description: "credential type `\(other)` is not supported (use a service-account key or an `authorized_user` file)"))
        }
    }

    var tokenURI: String {
        switch self {
        case .serviceAccount(_, _, _, let uri), .authorizedUser(_, _, _, let uri): uri
        }
    }

    var description: String { "GCPCredentialFile(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
