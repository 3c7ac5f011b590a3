import SwitchyardConfig

/// AWS Bedrock and SageMaker credential fields: which forms they take, which combinations are allowed, and
/// what the chain is when none is written (reference §1.3, `providers/aws_common.rs`).
struct AWSCredentialRules {
    let check: StartupCredentialCheck
    let diagnostics: DiagnosticCollector

    static let iamFields = ["access_key_id", "secret_access_key", "session_token"]

    func resolve(_ provider: ProviderConfig) -> ResolvedCredentials {
        let type = provider.type.rawValue
        let fields = provider.awsCredentials
        checkForms(provider)
        if let apiKey = fields["api_key"], fields["access_key_id"] != nil || fields["secret_access_key"] != nil {
            report(provider, apiKey.location, "Cannot specify both `api_key` and IAM credentials (`access_key_id`/`secret_access_key`) for `\(type)`. Use one or the other.")
        }
        checkKeyPair(provider)
        checkRegion(provider)
        AWSEndpointURLRule(check: check, diagnostics: diagnostics).inspect(provider)
        var links: [CredentialLink] = []
        for field in ["api_key"] + Self.iamFields {
            guard let location = fields[field] else { continue }
            links.append(CredentialLink(location: location.value, role: .only, status: status(location, field: field, provider: provider), field: field))
        }
        if !links.isEmpty {
            if fields["api_key"] == nil, fields["access_key_id"]?.value == .sdk { inspectChain(provider) }
            return ResolvedCredentials(origin: .provider, links: links)
        }
        if provider.type == .awsBedrock, let token = check.environment.value("AWS_BEARER_TOKEN_BEDROCK"), !token.isEmpty {
            return ResolvedCredentials(origin: .builtIn, links: [
                CredentialLink(location: .env("AWS_BEARER_TOKEN_BEDROCK"), role: .only, status: .available, field: "api_key"),
            ])
        }
        inspectChain(provider)
        return ResolvedCredentials(origin: .builtIn, links: [CredentialLink(location: .sdk, role: .only, status: .providerSDK, field: "access_key_id")])
    }

    /// The SDK chain is resolved on each request in TensorZero, which starts without credentials; a chain
    /// that finds none (a missing profile, a malformed shared file) is worth a warning naming the cause.
    private func inspectChain(_ provider: ProviderConfig) {
        guard case .failure(let failure) = AWSCredentialChain.resolve(check.environment, workingDirectory: check.workingDirectory) else { return }
        diagnostics.report(
            .awsCredentialChain, at: provider.location, path: provider.path,
            "the AWS credential chain for `\(provider.type.rawValue)` finds no usable credentials: \(failure)",
            notes: ["TensorZero starts anyway; every request to this provider fails with `Failed to get AWS credentials`."]
        )
    }

    private func checkForms(_ provider: ProviderConfig) {
        for (field, location) in provider.awsCredentials.sorted(by: { $0.key < $1.key }) {
            let allowed: Set<CredentialForm> = field == "api_key" ? [.env, .dynamic] : [.env, .dynamic, .sdk]
            guard !allowed.contains(location.value.form) else { continue }
            let forms = field == "api_key" ? "only `env::` and `dynamic::` are supported" : "only `env::`, `dynamic::`, and `sdk` are supported"
            report(provider, location.location, "Invalid `\(field)` for `\(provider.type.rawValue)` provider: \(forms).")
        }
    }

    private func checkKeyPair(_ provider: ProviderConfig) {
        let type = provider.type.rawValue
        let keyID = provider.awsCredentials["access_key_id"]
        let secret = provider.awsCredentials["secret_access_key"]
        switch (keyID, secret) {
        case (nil, nil):
            if let token = provider.awsCredentials["session_token"] {
                report(provider, token.location, "`session_token` cannot be specified without `access_key_id` and `secret_access_key` for `\(type)`.")
            }
        case (let keyID?, nil):
            report(provider, keyID.location, "`access_key_id` requires `secret_access_key` to also be specified for `\(type)`.")
        case (nil, let secret?):
            report(provider, secret.location, "`secret_access_key` requires `access_key_id` to also be specified for `\(type)`.")
        case (let keyID?, let secret?) where keyID.value.form != secret.value.form:
            report(provider, secret.location, "`access_key_id` and `secret_access_key` must use the same source type (both `env::`, both `dynamic::`, or both `sdk`) for `\(type)`.")
        default:
            break
        }
    }

    private func checkRegion(_ provider: ProviderConfig) {
        let type = provider.type.rawValue
        guard let region = provider.strings["region"] else {
            if provider.flags["allow_auto_detect_region"]?.value != true {
                report(provider, provider.location, "AWS \(type) provider requires a region. Use `region = \"sdk\"` to enable auto-detection, or specify a region like `region = \"us-east-1\"`.")
            } else {
                checkRegionChain(provider, at: provider.location)
            }
            return
        }
        switch CredentialLocation(parsing: region.value) {
        case .env(let name)? where !check.environment.isSet(name):
            diagnostics.report(
                .environmentVariableMissing, at: region.location, path: provider.path,
                "Environment variable `\(name)` not found. Your configuration for a `\(type)` provider requires this variable for `region`."
            )
        case .sdk?:
            checkRegionChain(provider, at: region.location)
        default:
            break
        }
    }

    /// `region = "sdk"` is resolved when TensorZero starts; offline, a chain without a region stops it.
    private func checkRegionChain(_ provider: ProviderConfig, at location: SourceLocation) {
        guard AWSRegionChain.resolve(check.environment, workingDirectory: check.workingDirectory) == nil else { return }
        diagnostics.report(
            .awsRegionUnresolved, at: location, path: provider.path, AWSRegionChain.failure,
            notes: ["Set `AWS_REGION`, give the profile a `region`, or write the region in the config."]
        )
    }

    private func status(_ location: Located<CredentialLocation>, field: String, provider: ProviderConfig) -> CredentialStatus {
        switch location.value {
        case .env(let name):
            guard check.environment.isSet(name) else {
                diagnostics.report(
                    .environmentVariableMissing, at: location.location, path: provider.path,
                    "Environment variable `\(name)` not found for `\(field)` in `\(provider.type.rawValue)`."
                )
                return .missing
            }
            return .available
        case .dynamic: return .perRequest
        case .sdk: return .providerSDK
        case .none, .path, .pathFromEnv: return .missing
        }
    }

    private func report(_ provider: ProviderConfig, _ location: SourceLocation, _ message: String) {
        diagnostics.report(.awsCredentialFields, at: location, path: provider.path, message)
    }
}
