import SwitchyardConfig

/// Works out each provider's effective credential chain (provider field, then `[provider_types.T.defaults]`,
/// then the built-in default) and checks it the way TensorZero does at startup (reference §1).
public struct ProviderCredentialResolver {
    public let defaults: [ProviderType: ProviderTypeDefaults]
    public let check: StartupCredentialCheck
    public let diagnostics: DiagnosticCollector

    public init(defaults: [ProviderType: ProviderTypeDefaults], check: StartupCredentialCheck, diagnostics: DiagnosticCollector) {
        self.defaults = defaults
        self.check = check
        self.diagnostics = diagnostics
    }

    /// The chain of an explicitly configured provider; startup failures are reported as errors.
    public func resolve(_ provider: ProviderConfig) -> ResolvedCredentials {
        if provider.type == .awsBedrock || provider.type == .awsSagemaker {
            return AWSCredentialRules(check: check, diagnostics: diagnostics).resolve(provider)
        }
        let policy = ProviderCredentialPolicy.of(provider.type)
        let field = provider.type.credentialField ?? "api_key_location"
        let (spec, origin, anchor) = effectiveSpec(provider.credential, type: provider.type, fallbackAnchor: provider.location)
        guard acceptsForms(spec, policy: policy, field: field, at: anchor, path: provider.path) else {
            return ResolvedCredentials(origin: origin, links: links(spec, field: field) { _ in .missing })
        }
        var resolved = ResolvedCredentials(origin: origin, links: links(spec, field: field) { location in
            startupStatus(location, provider: provider, policy: policy, origin: origin, at: anchor)
        })
        for (index, location) in spec.locations.enumerated() {
            resolved.links[index].checkedAt = origin == .builtIn ? anchor : location.location
        }
        CredentialWarnings(diagnostics: diagnostics).inspect(provider, policy: policy, origin: origin, spec: spec)
        return resolved
    }

    /// The chain of a shorthand model's provider: TensorZero checks it on first use, so nothing here is
    /// an error, but an unset variable is worth a warning.
    public func resolveShorthand(type: ProviderType, model: String, usedAt location: SourceLocation, path: String) -> ResolvedCredentials {
        let policy = ProviderCredentialPolicy.of(type)
        let field = type.credentialField ?? "api_key_location"
        let (spec, origin, _) = effectiveSpec(nil, type: type, fallbackAnchor: location)
        return ResolvedCredentials(origin: origin, links: links(spec, field: field) { credential in
            let outcome = check.check(credential.value, startupName: policy.startupName)
            guard outcome.status == .missing else { return outcome.status == .available ? .checkedOnFirstUse : outcome.status }
            diagnostics.report(
                .shorthandCredentialLazy, .warning, at: location, path: path,
                "shorthand model `\(model)` will fail on its first request: \(outcome.failure ?? "its credential cannot be resolved")",
                notes: ["TensorZero resolves shorthand models' credentials on first use and caches the failure for the life of the process."]
            )
            return .checkedOnFirstUse
        })
    }

    /// The chain any shorthand model of `type` uses, without checking the environment (TensorZero checks it
    /// on first use).
    public func shorthandCredentials(for type: ProviderType) -> ResolvedCredentials {
        let field = type.credentialField ?? "api_key_location"
        let (spec, origin, _) = effectiveSpec(nil, type: type, fallbackAnchor: SourceLocation(file: "", line: 0, column: 0))
        return ResolvedCredentials(origin: origin, links: links(spec, field: field) { location in
            switch location.value.form {
            case .dynamic: .perRequest
            case .sdk: .providerSDK
            case .none: .noCredential
            case .env, .path, .pathFromEnv: .checkedOnFirstUse
            }
        })
    }

    /// The effective setting and where a diagnostic about it should point.
    func effectiveSpec(_ explicit: CredentialSpec?, type: ProviderType, fallbackAnchor: SourceLocation)
        -> (CredentialSpec, CredentialOrigin, SourceLocation)
    {
        if let explicit { return (explicit, .provider, explicit.location) }
        if let typeDefaults = defaults[type] { return (typeDefaults.credential, .providerTypeDefaults, typeDefaults.credential.location) }
        let builtIn = ProviderCredentialPolicy.of(type).defaultLocation ?? .sdk
        return (.single(Located(builtIn, at: fallbackAnchor)), .builtIn, fallbackAnchor)
    }

    private func acceptsForms(_ spec: CredentialSpec, policy: ProviderCredentialPolicy, field: String, at anchor: SourceLocation, path: String) -> Bool {
        var accepted = true
        for location in spec.locations where !policy.acceptedForms.contains(location.value.form) {
            accepted = false
            let isGCP = policy.type == .gcpVertexGemini || policy.type == .gcpVertexAnthropic
            let message = "Invalid \(field) for \(isGCP ? policy.startupName : policy.requestName) provider"
            diagnostics.report(
                .credentialFormRejected, at: location.location, path: path,
                isGCP ? "Error in acquiring GCP credentials: \(message)" : message,
                notes: [acceptedFormsNote(policy)] + FormDocsMismatch.note(policy.type, form: location.value.form)
            )
        }
        return accepted
    }

    private func startupStatus(
        _ location: Located<CredentialLocation>, provider: ProviderConfig, policy: ProviderCredentialPolicy,
        origin: CredentialOrigin, at anchor: SourceLocation
    ) -> CredentialStatus {
        let position = origin == .builtIn ? anchor : location.location
        if CredentialStartupFindings.usesLegacyAzureKey(location.value, type: provider.type, origin: origin, check: check) {
            diagnostics.report(CredentialStartupFindings.legacyAzureKey(at: position, path: provider.path))
            return .available
        }
        let outcome = check.check(location.value, startupName: policy.startupName)
        if outcome.status == .missing {
            diagnostics.report(CredentialStartupFindings.unresolved(location.value, outcome: outcome, check: check, at: position, path: provider.path))
        } else if outcome.status == .available, provider.type == .gcpVertexGemini || provider.type == .gcpVertexAnthropic {
            GCPKeyFileCheck(check: check, diagnostics: diagnostics).inspect(location, provider: provider)
        } else if outcome.status == .providerSDK, provider.type == .gcpVertexGemini || provider.type == .gcpVertexAnthropic {
            GCPKeyFileCheck(check: check, diagnostics: diagnostics).inspectApplicationDefault(location, provider: provider)
        }
        return outcome.status
    }

    private func links(_ spec: CredentialSpec, field: String, status: (Located<CredentialLocation>) -> CredentialStatus) -> [CredentialLink] {
        switch spec {
        case .single(let location):
            [CredentialLink(location: location.value, role: .only, status: status(location), field: field)]
        case .withFallback(let primary, let fallback):
            [
                CredentialLink(location: primary.value, role: .default, status: status(primary), field: field),
                CredentialLink(location: fallback.value, role: .fallback, status: status(fallback), field: field),
            ]
        }
    }

    private func acceptedFormsNote(_ policy: ProviderCredentialPolicy) -> String {
        let forms = CredentialForm.allCases.filter { policy.acceptedForms.contains($0) }.map { "`\($0.example)`" }
        return "\(policy.type.rawValue) accepts \(forms.joined(separator: ", ")) or a `{ default, fallback }` table of those"
    }
}

extension CredentialForm {
    /// How the form is written, for messages.
    var example: String {
        switch self {
        case .env: "env::VAR"
        case .pathFromEnv: "path_from_env::VAR"
        case .dynamic: "dynamic::KEY"
        case .path: "path::FILE"
        case .sdk: "sdk"
        case .none: "none"
        }
    }
}
