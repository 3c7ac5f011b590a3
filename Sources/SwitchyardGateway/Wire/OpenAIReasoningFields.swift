import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// `reasoning_effort`, `service_tier`, `verbosity` and `thinking_budget_tokens` in an OpenAI-format body, for the
/// provider types that take each, as TensorZero 2026.6.0 sends them (it leaves out, with a warning, what a type does
/// not take): OpenRouter nests effort and budget in `reasoning`; Azure takes only the `auto` and `default` tiers,
/// Groq only `auto` and `flex`; SageMaker follows its `hosted_provider`.
enum OpenAIReasoningFields {
    static func apply(_ payload: InferencePayload, for provider: ProviderPlan, to body: inout [String: Any]) {
        let type = provider.openAIWireType
        if type == .openrouter {
            var reasoning: [String: Any] = [:]
            if let effort = payload.reasoningEffort { reasoning["effort"] = effort }
            if let budget = payload.thinkingBudgetTokens { reasoning["max_tokens"] = Int(budget) }
            if !reasoning.isEmpty { body["reasoning"] = reasoning }
        } else if let effort = payload.reasoningEffort, takesReasoningEffort(type) {
            body["reasoning_effort"] = effort
        }
        if let tier = payload.serviceTier, serviceTiers(type).contains(tier) { body["service_tier"] = tier.rawValue }
        if let verbosity = payload.verbosity, takesVerbosity(type) { body["verbosity"] = verbosity }
    }

    private static func takesReasoningEffort(_ type: ProviderType) -> Bool {
        [.openai, .azure, .groq, .fireworks, .together, .hyperbolic, .xai, .sglang].contains(type)
    }

    private static func serviceTiers(_ type: ProviderType) -> Set<ServiceTier> {
        switch type {
        case .openai: Set(ServiceTier.allCases)
        case .azure: [.auto, .default]
        case .groq: [.auto, .flex]
        default: []
        }
    }

    private static func takesVerbosity(_ type: ProviderType) -> Bool {
        [.openai, .azure, .openrouter].contains(type)
    }
}
