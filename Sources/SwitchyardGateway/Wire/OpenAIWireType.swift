import SwitchyardConfig
import SwitchyardPlan

extension ProviderPlan {
    /// The provider type whose OpenAI-format rules apply: a SageMaker endpoint's hosted provider (`openai` or
    /// `tgi`), else the type itself.
    var openAIWireType: ProviderType {
        guard type == .awsSagemaker else { return type }
        return settings["hosted_provider"] == "tgi" ? .tgi : .openai
    }

    /// The OpenAI-format field TensorZero 2026.6.0 sends `max_tokens` as: `max_completion_tokens` to OpenAI, Azure,
    /// Groq and OpenRouter, `max_tokens` to the others.
    var maxTokensField: String {
        [.openai, .azure, .groq, .openrouter].contains(openAIWireType) ? "max_completion_tokens" : "max_tokens"
    }
}
