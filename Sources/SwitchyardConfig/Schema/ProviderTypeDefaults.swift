/// `[provider_types.T.defaults]`: the credential location a provider type uses when a provider omits it.
public struct ProviderTypeDefaults: Sendable {
    public var type: ProviderType
    public var credential: CredentialSpec
    /// `provider_types.T.defaults`.
    public var path: String
    public var location: SourceLocation

    /// Reads `[provider_types]`: unknown types are rejected; the GCP types deny unknown keys, the others do not.
    static func readAll(from value: TOMLValue, diagnostics: DiagnosticCollector) -> [ProviderType: ProviderTypeDefaults] {
        guard var reader = TableReader(value, path: "provider_types", diagnostics: diagnostics) else { return [:] }
        let known = ProviderType.tensorZeroSettingsListing
        var result: [ProviderType: ProviderTypeDefaults] = [:]
        for type in known {
            guard var settings = reader.table(type.rawValue) else { continue }
            if var defaults = settings.table("defaults") {
                let field = type.credentialField ?? "api_key_location"
                if !defaults.contains(field) { defaults.reportMissing(field) }
                if let credential = defaults.credentialSpec(field) {
                    result[type] = ProviderTypeDefaults(type: type, credential: credential, path: defaults.path, location: defaults.location)
                }
                if type == .gcpVertexGemini || type == .gcpVertexAnthropic {
                    defaults.rejectUnknownKeys(expected: [field])
                }
            }
            if type == .gcpVertexGemini || type == .gcpVertexAnthropic {
                settings.accept(["batch", "sft"])
                settings.rejectUnknownKeys(expected: ["batch", "sft", "defaults"])
            }
        }
        reader.rejectUnknownKeys(expected: known.map(\.rawValue))
        return result
    }
}

extension ProviderType {
    /// The keys of `[provider_types]`, in the order TensorZero lists them.
    static let tensorZeroSettingsListing: [ProviderType] = [
        .anthropic, .azure, .deepseek, .fireworks, .gcpVertexGemini, .gcpVertexAnthropic, .googleAIStudioGemini,
        .groq, .hyperbolic, .mistral, .openai, .openrouter, .sglang, .tgi, .together, .vllm, .xai,
    ]
}
