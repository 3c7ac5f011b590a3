import NIOHTTP1
import SwitchyardPlan

/// Sets a provider's credential header. Callers pass the secret's text from inside `Secret.withValue` and
/// the value goes nowhere but the outgoing headers.
enum AuthHeader {
    static func apply(_ style: ProviderCredentialPolicy.AuthStyle, value: String, to headers: inout HTTPHeaders) {
        switch style {
        case .bearer, .gcpOAuth: headers.replaceOrAdd(name: "authorization", value: "Bearer \(value)")
        case .xAPIKey: headers.replaceOrAdd(name: "x-api-key", value: value)
        case .apiKeyHeader: headers.replaceOrAdd(name: "api-key", value: value)
        case .googAPIKey: headers.replaceOrAdd(name: "x-goog-api-key", value: value)
        case .awsSigV4: break
        }
    }
}
