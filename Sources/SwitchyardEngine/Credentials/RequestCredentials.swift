import SwitchyardConfig
import SwitchyardPlan

/// Resolves a provider's credential chain for one request (reference §1.5): the default side unless it
/// cannot be resolved, then the fallback side. A provider's 401 is not a resolution failure.
struct RequestCredentials {
    /// The credential an attempt will send: the secret, the values that go with it, and which link of the
    /// chain it came from.
    struct Choice {
        var secret: Secret?
        var fields: [String: Secret] = [:]
        var linkIndex: Int
        var isFallback: Bool
    }

    /// The credential to send, given the request's dynamic `credentials`, or the error that makes the provider
    /// fail without an attempt. `start` skips the chain's earlier links (GCP's fallback after a refused token).
    func choose(for provider: ProviderRoute, credentials: [String: Secret], from start: Int = 0) -> Result<Choice, InferenceError> {
        var fields: [String: Secret] = [:]
        for (field, key) in provider.dynamicSettings {
            guard !credentials.isEmpty, let value = credentials[key] else { return .failure(.dynamicSettingMissing(field: field, key: key)) }
            fields[field] = value
        }
        if provider.plan.type == .awsBedrock || provider.plan.type == .awsSagemaker {
            return AWSRequestCredentials.choose(for: provider, credentials: credentials).map { choice in
                var choice = choice
                choice.fields.merge(fields) { own, _ in own }
                return choice
            }
        }
        var lastError: InferenceError?
        let links = provider.plan.credentials.links
        for index in links.indices where index >= start {
            switch resolve(links[index].location, loaded: provider.staticSecrets[index], policy: provider.policy, credentials: credentials) {
            case .success(let secret):
                return .success(Choice(secret: secret, fields: fields, linkIndex: index, isFallback: links[index].role == .fallback))
            case .failure(let error):
                lastError = error
            }
        }
        return .failure(lastError ?? .apiKeyMissing(provider: provider.policy.requestName, message: "No credentials are set"))
    }

    /// The error TensorZero raises before calling a shorthand model whose static credential could not be
    /// loaded (both sides of a fallback are loaded eagerly); `nil` when it loads.
    func lazyLoadFailure(for provider: ProviderRoute) -> InferenceError? {
        for (index, link) in provider.plan.credentials.links.enumerated() where provider.staticSecrets[index] == nil {
            switch link.location {
            case .env(let name):
                return .apiKeyMissing(provider: provider.policy.startupName, message: "Environment variable `\(name)` is missing")
            case .path, .pathFromEnv:
                return .apiKeyMissing(provider: provider.policy.startupName, message: "Failed to read credentials file")
            case .dynamic, .sdk, .none:
                continue
            }
        }
        return nil
    }

    private func resolve(_ location: CredentialLocation, loaded: Secret?, policy: ProviderCredentialPolicy, credentials: [String: Secret]) -> Result<Secret?, InferenceError> {
        switch location {
        case .dynamic(let key):
            // An empty table answers without hashing the key, which is most requests.
            guard !credentials.isEmpty, let secret = credentials[key] else {
                return .failure(.apiKeyMissing(provider: policy.requestName, message: "Dynamic api key `\(key)` is missing"))
            }
            return .success(secret)
        case .env, .path, .pathFromEnv:
            guard let loaded else {
                return .failure(.apiKeyMissing(provider: policy.requestName, message: "\(location) could not be loaded"))
            }
            return .success(loaded)
        case .none:
            return policy.noneBehaviour == .failsEveryRequest
                ? .failure(.apiKeyMissing(provider: policy.requestName, message: "No credentials are set"))
                : .success(nil)
        case .sdk:
            // GCP's Application Default Credentials file, when the vault could read it; the SDK otherwise.
            return .success(loaded)
        }
    }
}
