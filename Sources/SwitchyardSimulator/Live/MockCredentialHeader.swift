import NIOHTTP1
import SwitchyardConfig
import SwitchyardPlan

/// Reads the credential a request to a live mock upstream carried, from the header the provider's auth style
/// uses (the counterpart of the gateway's `AuthHeader`). The value is a `Secret` from the moment it is read.
enum MockCredentialHeader {
    static func secret(_ style: ProviderCredentialPolicy.AuthStyle, in headers: HTTPHeaders) -> Secret? {
        switch style {
        case .bearer, .gcpOAuth:
            guard let value = headers.first(name: "authorization") else { return nil }
            return Secret(value.hasPrefix("Bearer ") ? String(value.dropFirst("Bearer ".count)) : value)
        case .xAPIKey: return headers.first(name: "x-api-key").map(Secret.init)
        case .apiKeyHeader: return headers.first(name: "api-key").map(Secret.init)
        case .googAPIKey: return headers.first(name: "x-goog-api-key").map(Secret.init)
        case .awsSigV4: return nil
        }
    }
}
