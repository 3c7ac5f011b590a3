import SwitchyardConfig

/// Lowers a provider table to its plan entry: endpoint, wire model name, auth style and settings.
enum ProviderLowering {
    /// Fields that become the endpoint or the wire model rather than settings.
    private static let addressFields: Set<String> = ["api_base", "endpoint", "model_name", "model_id", "deployment_id", "endpoint_id"]

    static func lower(_ provider: ProviderConfig, credentials: ResolvedCredentials) -> ProviderPlan {
        let policy = ProviderCredentialPolicy.of(provider.type)
        var settings: [String: String] = [:]
        for (field, value) in provider.strings where !addressFields.contains(field) {
            settings[field] = value.value
        }
        for (field, flag) in provider.flags { settings[field] = String(flag.value) }
        let usesBearerToken = credentials.links.contains { $0.field == "api_key" }
        return ProviderPlan(
            name: provider.name.value, type: provider.type, endpoint: endpoint(provider, policy: policy),
            wireModel: wireModel(provider), authStyle: usesBearerToken ? .bearer : policy.authStyle, credentials: credentials,
            timeouts: provider.timeouts.map(TimeoutLowering.lower), extraHeaders: ExtraSettingLowering.lower(provider.extraHeaders),
            extraBody: ExtraSettingLowering.lower(provider.extraBody), settings: settings
        )
    }

    /// The single provider of a shorthand model (`openai::gpt-4o-mini`).
    static func lower(_ shorthand: ShorthandModel, credentials: ResolvedCredentials) -> ProviderPlan {
        let policy = ProviderCredentialPolicy.of(shorthand.type)
        var wireModel = shorthand.modelName
        var settings: [String: String] = [:]
        let responsesPrefix = "responses::"
        if shorthand.type == .openai, wireModel.hasPrefix(responsesPrefix) {
            wireModel.removeFirst(responsesPrefix.count)
            settings["api_type"] = "responses"
        }
        let endpoint: String
        switch shorthand.type {
        case .gcpVertexGemini, .gcpVertexAnthropic:
            // `projects/P/locations/L/...`: the host is regional unless L is `global`.
            let parts = wireModel.split(separator: "/")
            let location = parts.count > 3 && parts[2] == "locations" && parts[3] != "global" ? "\(parts[3])-" : ""
            endpoint = "https://\(location)aiplatform.googleapis.com/v1/\(wireModel)"
        case .googleAIStudioGemini: endpoint = "\(policy.defaultAPIBase ?? "")models/\(wireModel)"
        default: endpoint = policy.defaultAPIBase ?? ""
        }
        return ProviderPlan(
            name: shorthand.type.rawValue, type: shorthand.type, endpoint: endpoint, wireModel: wireModel,
            authStyle: policy.authStyle, credentials: credentials, timeouts: nil, extraHeaders: [], extraBody: [], settings: settings
        )
    }

    private static func endpoint(_ provider: ProviderConfig, policy: ProviderCredentialPolicy) -> String {
        let field = provider.string
        switch provider.type {
        case .azure:
            return field("endpoint") ?? ""
        case .awsBedrock:
            return field("endpoint_url") ?? "https://bedrock-runtime.\(regionPart(field("region"))).amazonaws.com"
        case .awsSagemaker:
            return field("endpoint_url") ?? "https://runtime.sagemaker.\(regionPart(field("region"))).amazonaws.com"
        case .gcpVertexGemini, .gcpVertexAnthropic:
            let location = field("location") ?? ""
            let project = field("project_id") ?? ""
            // The `global` location has no regional host.
            let host = location == "global" ? "aiplatform.googleapis.com" : "\(location)-aiplatform.googleapis.com"
            let base = "https://\(host)/v1/projects/\(project)/locations/\(location)"
            if let endpointID = field("endpoint_id") { return "\(base)/endpoints/\(endpointID)" }
            let publisher = provider.type == .gcpVertexGemini ? "google" : "anthropic"
            return "\(base)/publishers/\(publisher)/models/\(field("model_id") ?? "")"
        case .googleAIStudioGemini:
            return "\(policy.defaultAPIBase ?? "")models/\(field("model_name") ?? "")"
        default:
            return field("api_base") ?? policy.defaultAPIBase ?? ""
        }
    }

    /// A region written as a literal goes into the host name; a location (`env::AWS_REGION`, `sdk`) is shown as such.
    private static func regionPart(_ region: String?) -> String {
        guard let region else { return "{region from the AWS SDK}" }
        return CredentialLocation(parsing: region) == nil ? region : "{region from \(region)}"
    }

    private static func wireModel(_ provider: ProviderConfig) -> String? {
        for field in ["model_name", "model_id", "deployment_id", "endpoint_id"] {
            if let name = provider.string(field) { return name }
        }
        return nil
    }
}

enum TimeoutLowering {
    static func lower(_ timeouts: TimeoutsConfig) -> TimeoutPlan {
        TimeoutPlan(
            nonStreamingTotalMs: timeouts.nonStreamingTotalMs?.value,
            streamingTTFTMs: timeouts.streamingTTFTMs?.value,
            streamingTotalMs: timeouts.streamingTotalMs?.value
        )
    }
}
