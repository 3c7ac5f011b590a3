import SwitchyardConfig
import SwitchyardPlan

/// The wire adapter of each provider type (those that stream also conform to `StreamingWireAdapter`; AWS's
/// binary event streams are not read yet).
enum ProviderSupport {
    /// The adapter for `type`.
    static func adapter(for type: ProviderType) -> any WireAdapter {
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
}
