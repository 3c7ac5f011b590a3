import SwitchyardConfig

/// What TensorZero 2026.6.0 does with credentials for each provider type (reference §1.3).
public struct ProviderCredentialPolicy: Sendable {
    /// How `none` behaves for a type that accepts it.
    public enum NoneBehaviour: Sendable {
        /// `none` is rejected at load.
        case rejected
        /// `none` sends no authentication header.
        case noAuthentication
        /// `none` loads, but every request fails with `No credentials are set`.
        case failsEveryRequest
    }

    /// How a resolved credential is presented to the provider.
    public enum AuthStyle: String, Sendable {
        case bearer = "authorization_bearer"
        case xAPIKey = "x_api_key_header"
        case apiKeyHeader = "api_key_header"
        case googAPIKey = "x_goog_api_key_header"
        case awsSigV4 = "aws_sigv4"
        case gcpOAuth = "gcp_oauth_bearer"
    }

    public let type: ProviderType
    /// The name in startup errors (`ProviderType` Display: `OpenAI`, `AWSBedrock`, ...).
    public let startupName: String
    /// The name in request-time errors (`PROVIDER_NAME`: `OpenAI`, `AWS Bedrock`, ...).
    public let requestName: String
    /// The built-in location used when neither the provider nor `[provider_types]` sets one.
    public let defaultLocation: CredentialLocation?
    /// The forms accepted in `api_key_location` / `credential_location`.
    public let acceptedForms: Set<CredentialForm>
    public let noneBehaviour: NoneBehaviour
    public let authStyle: AuthStyle
    /// The default endpoint when `api_base` is not set (`nil` when the endpoint is built from other fields).
    public let defaultAPIBase: String?

    /// Whether any failure of the default credential, not only an unresolvable one, moves to the fallback
    /// (GCP's `get_auth_headers`; reference §1.5).
    public var fallsBackOnAnyDefaultError: Bool { type == .gcpVertexGemini || type == .gcpVertexAnthropic }

    /// The policy for `type`.
    public static func of(_ type: ProviderType) -> ProviderCredentialPolicy { table[type]! }

    private static let apiKeyForms: Set<CredentialForm> = [.env, .dynamic]
    private static let apiKeyOrNone: Set<CredentialForm> = [.env, .dynamic, .none]
    private static let gcpForms: Set<CredentialForm> = [.dynamic, .path, .pathFromEnv, .sdk]

    private static let table: [ProviderType: ProviderCredentialPolicy] = {
        func policy(
            _ type: ProviderType, _ startup: String, _ request: String, _ variable: String?,
            _ forms: Set<CredentialForm>, none: NoneBehaviour = .rejected, auth: AuthStyle = .bearer, base: String? = nil
        ) -> ProviderCredentialPolicy {
            ProviderCredentialPolicy(
                type: type, startupName: startup, requestName: request, defaultLocation: variable.map { .env($0) },
                acceptedForms: forms, noneBehaviour: none, authStyle: auth, defaultAPIBase: base
            )
        }
        let gcpDefault = CredentialLocation.pathFromEnv("GCP_VERTEX_CREDENTIALS_PATH")
        let list: [ProviderCredentialPolicy] = [
            policy(.openai, "OpenAI", "OpenAI", "OPENAI_API_KEY", apiKeyOrNone, none: .noAuthentication, base: "https://api.openai.com/v1/"),
            policy(.anthropic, "Anthropic", "Anthropic", "ANTHROPIC_API_KEY", apiKeyForms, auth: .xAPIKey, base: "https://api.anthropic.com/v1/messages"),
            policy(.azure, "Azure", "Azure", "AZURE_API_KEY", apiKeyForms, auth: .apiKeyHeader),
            policy(.deepseek, "Deepseek", "DeepSeek", "DEEPSEEK_API_KEY", apiKeyForms, base: "https://api.deepseek.com/"),
            policy(.fireworks, "Fireworks", "Fireworks", "FIREWORKS_API_KEY", apiKeyForms, base: "https://api.fireworks.ai/inference/v1/"),
            policy(.googleAIStudioGemini, "GoogleAIStudioGemini", "Google AI Studio Gemini", "GOOGLE_AI_STUDIO_API_KEY", apiKeyForms,
                   auth: .googAPIKey, base: "https://generativelanguage.googleapis.com/v1beta/"),
            policy(.groq, "Groq", "Groq", "GROQ_API_KEY", apiKeyOrNone, none: .noAuthentication, base: "https://api.groq.com/openai/v1/"),
            policy(.hyperbolic, "Hyperbolic", "Hyperbolic", "HYPERBOLIC_API_KEY", apiKeyForms, base: "https://api.hyperbolic.xyz/v1/"),
            policy(.mistral, "Mistral", "Mistral", "MISTRAL_API_KEY", apiKeyForms, base: "https://api.mistral.ai/v1/"),
            policy(.openrouter, "OpenRouter", "OpenRouter", "OPENROUTER_API_KEY", apiKeyOrNone, none: .noAuthentication, base: "https://openrouter.ai/api/v1/"),
            policy(.together, "Together", "Together", "TOGETHER_API_KEY", apiKeyForms, base: "https://api.together.xyz/v1/"),
            policy(.xai, "XAI", "xAI", "XAI_API_KEY", apiKeyOrNone, none: .failsEveryRequest, base: "https://api.x.ai/v1/"),
            policy(.vllm, "VLLM", "vLLM", "VLLM_API_KEY", apiKeyOrNone, none: .noAuthentication),
            policy(.sglang, "SGLang", "SGLang", "SGLANG_API_KEY", apiKeyOrNone, none: .noAuthentication),
            policy(.tgi, "TGI", "TGI", "TGI_API_KEY", apiKeyOrNone, none: .noAuthentication),
            ProviderCredentialPolicy(
                type: .gcpVertexGemini, startupName: "GCPVertexGemini", requestName: "GCP Vertex Gemini", defaultLocation: gcpDefault,
                acceptedForms: gcpForms, noneBehaviour: .rejected, authStyle: .gcpOAuth, defaultAPIBase: nil
            ),
            ProviderCredentialPolicy(
                type: .gcpVertexAnthropic, startupName: "GCPVertexAnthropic", requestName: "GCP Vertex Anthropic", defaultLocation: gcpDefault,
                acceptedForms: gcpForms, noneBehaviour: .rejected, authStyle: .gcpOAuth, defaultAPIBase: nil
            ),
            policy(.awsBedrock, "AWSBedrock", "AWS Bedrock", nil, [], auth: .awsSigV4),
            policy(.awsSagemaker, "AWSSagemaker", "AWS Sagemaker", nil, [], auth: .awsSigV4),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.type, $0) })
    }()
}
