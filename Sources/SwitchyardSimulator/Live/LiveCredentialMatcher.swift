import SwitchyardConfig
import SwitchyardPlan

/// Names the credential location a live upstream request carried: the first location of the provider's chain
/// whose value in this phase (the scenario's environment, the request's dynamic credentials) equals the value
/// sent. Values are compared as `Secret`s; only location names leave this type.
struct LiveCredentialMatcher: Sendable {
    /// The gateway's environment in this phase.
    let environment: [String: Secret]

    /// The location `sent` came from and whether it is the fallback side, or `nil` when no location of
    /// `chain` resolves to it (`path::` forms are not compared).
    func match(_ sent: Secret?, chain: ResolvedCredentials, requestCredentials: [String: Secret]) -> (location: String, isFallback: Bool)? {
        for link in chain.links {
            let matches: Bool = switch link.location {
            case .env(let name): sent != nil && environment[name] == sent
            case .dynamic(let key): sent != nil && requestCredentials[key] == sent
            case .none, .sdk: sent == nil
            case .path, .pathFromEnv: false
            }
            if matches { return (link.location.description, link.role == .fallback) }
        }
        return nil
    }
}
