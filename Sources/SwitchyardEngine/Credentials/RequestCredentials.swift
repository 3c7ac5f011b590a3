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
        if start == 0, let choice = provider.requestIndependentChoice { return .success(choice) }
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
            if let secret = resolve(links[index].location, loaded: provider.staticSecrets[index], policy: provider.policy, credentials: credentials) {
                return .success(Choice(secret: secret, fields: fields, linkIndex: index, isFallback: links[index].role == .fallback))
            }
            lastError = provider.unresolvedErrors[index]
        }
        return .failure(lastError ?? .apiKeyMissing(provider: provider.policy.requestName, message: "No credentials are set"))
    }

    /// The choice `choose` makes for every request, when no request value can change it: the provider has no
    /// `dynamic::` settings, is not an AWS provider (whose chain reads request keys), and the first link of its
    /// chain resolves without the request (a loaded static key, or a `none`/`sdk` form that needs none).
    func requestIndependentChoice(
        type: ProviderType, links: [CredentialLink], staticSecrets: [Secret?], policy: ProviderCredentialPolicy,
        dynamicSettings: [(field: String, key: String)]
    ) -> Choice? {
        guard dynamicSettings.isEmpty, type != .awsBedrock, type != .awsSagemaker, let first = links.first else { return nil }
        if case .dynamic = first.location { return nil }
        guard let secret = resolve(first.location, loaded: staticSecrets[0], policy: policy, credentials: [:]) else { return nil }
        return Choice(secret: secret, linkIndex: 0, isFallback: first.role == .fallback)
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

    /// The link's secret for this request (`.some(nil)` when the provider sends none, or its SDK chain supplies
    /// it), or `nil` when the link cannot be resolved; `ProviderRoute.unresolvedErrors` says why.
    private func resolve(_ location: CredentialLocation, loaded: Secret?, policy: ProviderCredentialPolicy, credentials: [String: Secret]) -> Secret?? {
        switch location {
        case .dynamic(let key):
            // An empty table answers without hashing the key, which is most requests.
            guard !credentials.isEmpty, let secret = credentials[key] else { return nil }
            return .some(secret)
        case .env, .path, .pathFromEnv:
            guard let loaded else { return nil }
            return .some(loaded)
        case .none:
            return policy.noneBehaviour == .failsEveryRequest ? nil : .some(nil)
        case .sdk:
            // GCP's Application Default Credentials file, when the vault could read it; the SDK otherwise.
            return .some(loaded)
        }
    }

    /// Why `location` cannot be resolved for a request, in TensorZero's words; worded once, when the engine starts.
    func unresolvedError(_ location: CredentialLocation, policy: ProviderCredentialPolicy) -> InferenceError {
        switch location {
        case .dynamic(let key): .apiKeyMissing(provider: policy.requestName, message: "Dynamic api key `\(key)` is missing")
        case .env, .path, .pathFromEnv: .apiKeyMissing(provider: policy.requestName, message: "\(location) could not be loaded")
        case .none, .sdk: .apiKeyMissing(provider: policy.requestName, message: "No credentials are set")
        }
    }
}
