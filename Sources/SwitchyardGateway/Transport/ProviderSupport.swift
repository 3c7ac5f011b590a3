import SwitchyardConfig
import SwitchyardPlan

/// Which provider types this build's gateway speaks, and the wire adapter of each (those that stream also
/// conform to `StreamingWireAdapter`; AWS's binary event streams are not read yet).
enum ProviderSupport {
    /// The adapter for `type`, or `nil` when this build cannot call it.
    static func adapter(for type: ProviderType) -> (any WireAdapter)? {
        switch type {
        case .openai, .azure, .deepseek, .fireworks, .groq, .hyperbolic, .mistral, .openrouter, .sglang, .tgi, .together,
             .vllm, .xai:
            OpenAICompatibleAdapter()
        case .anthropic:
            AnthropicAdapter()
        case .googleAIStudioGemini, .gcpVertexGemini:
            GeminiAdapter()
        case .gcpVertexAnthropic:
            VertexAnthropicAdapter()
        case .awsBedrock:
            BedrockAdapter()
        case .awsSagemaker:
            SageMakerAdapter()
        }
    }

    /// The types served, for messages.
    static var servedTypes: [ProviderType] { ProviderType.allCases.filter { adapter(for: $0) != nil } }
}
