import SwitchyardConfig

/// Minimal valid provider tables for every provider type.
enum ProviderFixtures {
    /// The required fields of `type` with values that pass validation, as `key = value` lines.
    static func requiredLines(_ type: ProviderType) -> [String] {
        switch type {
        case .openai, .anthropic, .googleAIStudioGemini, .groq, .mistral, .fireworks, .together, .hyperbolic,
             .openrouter, .xai, .deepseek:
            ["model_name = \"some-model\""]
        case .azure: ["deployment_id = \"gpt-4o-mini\"", "endpoint = \"https://unit.openai.azure.com\""]
        case .awsBedrock: ["model_id = \"anthropic.claude-3-haiku\"", "region = \"us-east-1\""]
        case .awsSagemaker:
            ["endpoint_name = \"ep\"", "model_name = \"some-model\"", "hosted_provider = \"openai\"", "region = \"us-east-1\""]
        case .gcpVertexGemini, .gcpVertexAnthropic:
            ["model_id = \"some-model\"", "location = \"us-central1\"", "project_id = \"unit-project\""]
        case .vllm, .sglang: ["model_name = \"some-model\"", "api_base = \"http://localhost:8000/v1/\""]
        case .tgi: ["api_base = \"http://localhost:8080/v1/\""]
        }
    }

    /// `[models.m]` routing to one provider `p` of `type`, with `extra` lines appended to the provider.
    static func model(_ type: ProviderType, _ extra: String = "") -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "\(type.rawValue)"
        \(requiredLines(type).joined(separator: "\n"))
        \(extra)

        """
    }
}
