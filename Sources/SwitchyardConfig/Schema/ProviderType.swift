/// The provider `type`s TensorZero 2026.6.0 accepts in `[models.M.providers.P]`.
public enum ProviderType: String, Sendable, Hashable, CaseIterable, Comparable {
    case anthropic
    case awsBedrock = "aws_bedrock"
    case awsSagemaker = "aws_sagemaker"
    case azure
    case gcpVertexAnthropic = "gcp_vertex_anthropic"
    case gcpVertexGemini = "gcp_vertex_gemini"
    case googleAIStudioGemini = "google_ai_studio_gemini"
    case groq
    case hyperbolic
    case fireworks
    case mistral
    case openai
    case openrouter
    case together
    case vllm
    case xai
    case tgi
    case sglang
    case deepseek

    public static func < (lhs: ProviderType, rhs: ProviderType) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Fields every provider type accepts (flattened into each provider table).
    public static let commonFields = ["type", "extra_body", "extra_headers", "timeouts", "discard_unknown_chunks", "cost", "batch_cost"]

    /// The type-specific fields that must be present.
    public var requiredFields: [String] {
        switch self {
        case .openai, .anthropic, .googleAIStudioGemini, .groq, .mistral, .fireworks, .together,
             .hyperbolic, .openrouter, .xai, .deepseek:
            ["model_name"]
        case .azure: ["deployment_id", "endpoint"]
        case .awsBedrock: ["model_id"]
        case .awsSagemaker: ["endpoint_name", "model_name", "hosted_provider"]
        case .gcpVertexGemini: ["location", "project_id"]
        case .gcpVertexAnthropic: ["model_id", "location", "project_id"]
        case .vllm, .sglang: ["model_name", "api_base"]
        case .tgi: ["api_base"]
        }
    }

    /// Every type-specific field, in the order TensorZero lists them in its unknown-field errors.
    public var fields: [String] {
        switch self {
        case .openai:
            ["model_name", "api_base", "api_key_location", "api_type", "include_encrypted_reasoning", "provider_tools", "content_type_overrides"]
        case .anthropic: ["model_name", "api_base", "api_key_location", "beta_structured_outputs", "provider_tools"]
        case .azure: ["deployment_id", "endpoint", "api_key_location"]
        case .awsBedrock:
            ["model_id", "region", "allow_auto_detect_region", "endpoint_url", "api_key", "access_key_id", "secret_access_key", "session_token"]
        case .awsSagemaker:
            ["endpoint_name", "model_name", "region", "allow_auto_detect_region", "hosted_provider", "endpoint_url", "access_key_id", "secret_access_key", "session_token"]
        case .gcpVertexGemini: ["model_id", "endpoint_id", "location", "project_id", "credential_location"]
        case .gcpVertexAnthropic: ["model_id", "location", "project_id", "credential_location", "provider_tools"]
        case .googleAIStudioGemini, .hyperbolic, .openrouter, .xai, .deepseek: ["model_name", "api_key_location"]
        case .groq: ["model_name", "api_key_location", "reasoning_format"]
        case .mistral: ["model_name", "api_key_location", "prompt_mode"]
        case .fireworks, .together: ["model_name", "api_key_location", "parse_think_blocks"]
        case .vllm, .sglang: ["model_name", "api_base", "api_key_location"]
        case .tgi: ["api_base", "api_key_location"]
        }
    }

    /// The field that holds the credential location (`api_key_location`, or `credential_location` for GCP);
    /// `nil` for AWS, whose credentials come from separate fields.
    public var credentialField: String? {
        switch self {
        case .gcpVertexGemini, .gcpVertexAnthropic: "credential_location"
        case .awsBedrock, .awsSagemaker: nil
        default: "api_key_location"
        }
    }

    /// Whether `TYPE::model` names a shorthand model of this type.
    public var hasShorthand: Bool {
        switch self {
        case .anthropic, .deepseek, .fireworks, .googleAIStudioGemini, .gcpVertexGemini, .gcpVertexAnthropic,
             .hyperbolic, .groq, .mistral, .openai, .openrouter, .together, .xai:
            true
        case .awsBedrock, .awsSagemaker, .azure, .vllm, .tgi, .sglang: false
        }
    }

    /// Whether `[provider_types.TYPE]` exists for this type (there is no AWS entry).
    public var hasProviderTypeSettings: Bool { self != .awsBedrock && self != .awsSagemaker }

    /// The order TensorZero lists types in its "unknown variant" error.
    public static let tensorZeroListing: [ProviderType] = [
        .anthropic, .awsBedrock, .awsSagemaker, .azure, .gcpVertexAnthropic, .gcpVertexGemini, .googleAIStudioGemini,
        .groq, .hyperbolic, .fireworks, .mistral, .openai, .openrouter, .together, .vllm, .xai, .tgi, .sglang, .deepseek,
    ]
}
