/// Every way an inference can fail, nested the way TensorZero nests them, with its wording and status code
/// (reference §5.3).
public indirect enum InferenceError: Error, Sendable, Hashable {
    /// An upstream answered with an HTTP error status.
    case providerStatus(providerType: String, status: Int, body: String)
    /// The connection failed or was dropped before a response.
    case providerConnection(providerType: String, message: String)
    /// The upstream answered 200 with a body that could not be parsed.
    case providerResponse(providerType: String, message: String)
    /// A provider-level timeout fired.
    case providerTimeout(provider: String, bound: String, milliseconds: Int64)
    /// A credential could not be resolved (`API key missing for provider …`).
    case apiKeyMissing(provider: String, message: String)
    /// A credential could not be turned into authentication (GCP's token exchange, AWS's chain); the text is
    /// TensorZero's whole message.
    case credentialAcquisition(String)
    /// A `dynamic::` setting (`region`, `endpoint_url`, `endpoint`) is missing from the request's credentials.
    case dynamicSettingMissing(field: String, key: String)
    case modelTimeout(model: String, bound: String, milliseconds: Int64)
    case variantTimeout(variant: String, bound: String, milliseconds: Int64)
    case allModelProvidersFailed([ProviderError])
    case allRetriesFailed([InferenceError])
    case allVariantsFailed([VariantError])
    /// Every candidate of a best-of-N / mixture-of-N variant failed.
    case allCandidatesFailed([CandidateError])
    case unknownFunction(String)
    case unknownVariant(String)
    case invalidModelName(String)
    case variantWithModelName
    case functionWithoutVariants(String)
    case noValidVariants(function: String)
    /// The request's input does not fit the function's or variant's templates (TensorZero's `InvalidMessage`).
    case invalidMessage(String)
    /// A template failed while rendering the request's arguments; `template` is its path as configured.
    case templateRender(template: String, message: String, line: Int)
    /// The caller stopped waiting (its task was cancelled) before the request finished.
    case cancelled

    /// One provider's failure inside `allModelProvidersFailed`.
    public struct ProviderError: Sendable, Hashable {
        public var provider: String
        public var error: InferenceError
    }

    /// One variant's failure inside `allVariantsFailed`.
    public struct VariantError: Sendable, Hashable {
        public var variant: String
        public var error: InferenceError
    }

    /// One candidate's failure inside `allCandidatesFailed`: its position in `candidates` and its variant.
    public struct CandidateError: Sendable, Hashable {
        public var index: Int
        public var variant: String
        public var error: InferenceError
    }

    /// The HTTP status TensorZero answers with when this error is the top-level one.
    public var status: Int {
        switch self {
        case .allVariantsFailed, .allCandidatesFailed: 502
        case .allModelProvidersFailed: 500
        case .allRetriesFailed(let errors): errors.last?.status ?? 500
        case .providerTimeout, .modelTimeout, .variantTimeout: 408
        case .apiKeyMissing, .invalidModelName, .variantWithModelName, .dynamicSettingMissing, .invalidMessage: 400
        case .templateRender: 500
        case .credentialAcquisition: 500
        case .unknownFunction, .unknownVariant: 404
        case .providerStatus(_, let status, _): status
        case .providerConnection, .providerResponse, .functionWithoutVariants, .noValidVariants: 500
        case .cancelled: 499
        }
    }

    /// Whether a variant's `retries` may run the model again after this error.
    public var isRetryable: Bool {
        switch self {
        case .allRetriesFailed, .cancelled: false
        case .allModelProvidersFailed(let errors): errors.contains { $0.error.isRetryable }
        default: true
        }
    }

    /// The message as TensorZero displays it.
    public var message: String {
        switch self {
        case .providerStatus(let type, let status, let body):
            status >= 500 ? "Error from \(type) server: \(body)" : "Error \(status) \(HTTPReason.phrase(status)) from \(type) client: \(body)"
        case .providerConnection(let type, let message): "Error sending request to \(type): \(message)"
        case .providerResponse(let type, let message): "Error parsing response from \(type): \(message)"
        case .providerTimeout(let provider, let bound, let milliseconds):
            "Model provider \(provider) timed out due to configured `\(bound)` timeout (\(DurationText.debug(milliseconds: milliseconds)))"
        case .apiKeyMissing(let provider, let message): "API key missing for provider \(provider): \(message)"
        case .credentialAcquisition(let message): message
        case .dynamicSettingMissing(let field, let key):
            // TensorZero's `DynamicEndpointNotFound` wording, which its `DynamicRegionNotFound` follows.
            "Dynamic \(field == "region" ? "region" : "endpoint") '\(key)' not found in credentials"
        case .modelTimeout(let model, let bound, let milliseconds):
            "Model \(model) timed out due to configured `\(bound)` timeout (\(DurationText.debug(milliseconds: milliseconds)))"
        case .variantTimeout(let variant, let bound, let milliseconds):
            "Variant `\(variant)` timed out due to configured `\(bound)` timeout (\(DurationText.debug(milliseconds: milliseconds)))"
        case .allModelProvidersFailed(let errors):
            "All model providers failed to infer with errors: " + errors.map { "\($0.provider): \($0.error.message)" }.joined(separator: ", ")
        case .allRetriesFailed(let errors):
            "All retries failed with errors: " + errors.map(\.message).joined(separator: ", ")
        case .allVariantsFailed(let errors):
            "All variants failed with errors: " + errors.map { "\($0.variant): \($0.error.message)" }.joined(separator: "\n")
        case .unknownFunction(let name): "Unknown function: \(name)"
        case .unknownVariant(let name): "Unknown variant: \(name)"
        case .invalidModelName(let name): "Invalid inference target: Invalid model name: Model name '\(name)' not found in model table"
        case .variantWithModelName: "Invalid inference target: `variant_name` cannot be provided when using `model_name`"
        case .functionWithoutVariants(let name): "Function `\(name)` has no variants"
        case .allCandidatesFailed(let errors):
            "All candidates failed with errors: "
                + errors.map { "candidates[\($0.index)] (\($0.variant)): \($0.error.message)" }.joined(separator: "\n")
        case .noValidVariants(let function): "No valid variants to sample from for function `\(function)` after filtering by allowed variants"
        case .invalidMessage(let message): message
        case .templateRender(let template, let message, let line):
            "Error rendering template \(template): Could not render template: \(message) (in \(template):\(line))"
        case .cancelled: "The request was cancelled before it finished"
        }
    }
}

/// Reason phrases for the statuses upstreams send.
enum HTTPReason {
    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
