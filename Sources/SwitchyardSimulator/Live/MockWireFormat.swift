import SwitchyardConfig

/// How a live mock upstream answers in one provider family's wire format. A new format is one conforming type
/// and one line in `MockWireFormats.format(for:)`.
protocol MockWireFormat: Sendable {
    /// A successful, non-streaming answer saying `MockUpstreams.response`, for the wire model `model`.
    func success(model: String?) -> [String: Any]
    /// The error body the provider sends with `status`; `revoked` when the credential was rejected.
    func error(status: Int, message: String, revoked: Bool) -> [String: Any]
}

/// The wire formats the live mock upstreams speak, by provider type.
enum MockWireFormats {
    /// The format of `type`, or `nil` when the mock upstreams cannot answer as that provider yet.
    static func format(for type: ProviderType) -> (any MockWireFormat)? {
        switch type {
        case .openai, .azure, .deepseek, .fireworks, .groq, .hyperbolic, .mistral, .openrouter, .sglang, .tgi, .together,
             .vllm, .xai:
            OpenAIMockFormat()
        case .anthropic:
            AnthropicMockFormat()
        case .awsBedrock, .awsSagemaker, .gcpVertexAnthropic, .gcpVertexGemini, .googleAIStudioGemini:
            nil
        }
    }
}
