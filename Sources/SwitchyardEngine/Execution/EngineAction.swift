import SwitchyardConfig
import SwitchyardPlan

/// What a request's execution needs from its driver next.
public enum EngineAction: Sendable {
    /// Send one attempt to an upstream and report its outcome with `complete(_:at:)`.
    case attempt(ProviderAttempt)
    /// Wait (retry backoff) and call `resume(at:)` at that time.
    case sleep(until: Nanoseconds)
    /// The request is done.
    case finished(InferenceResult)
}

/// One call to one upstream.
public struct ProviderAttempt: Sendable {
    public var variant: String
    /// The variant's settings (its `extra_headers` / `extra_body` go on the wire before the provider's).
    public var variantPlan: VariantPlan
    /// The provider called, with its model.
    public var route: ProviderRoute
    /// The credential to present (`nil` when the provider sends none).
    public var credential: Secret?
    /// Where that credential came from, as written (`env::OPENAI_API_KEY`).
    public var credentialLocation: String
    public var isFallbackCredential: Bool
    /// When the attempt started.
    public var start: Nanoseconds
    /// The earliest of the provider, model and variant deadlines; the driver reports `.timedOut` then.
    public var deadline: Nanoseconds?
    public var stream: Bool
    /// The conversation and parameters to send.
    public var payload: InferencePayload

    /// The provider's plan (type, endpoint, wire model, auth).
    public var provider: ProviderPlan { route.plan }
    /// The model whose routing chain the provider belongs to.
    public var model: String { route.model }
}

/// What an upstream did with an attempt.
public enum AttemptOutcome: Sendable, Hashable {
    case success(ProviderResponse)
    case status(Int, body: String)
    /// The deadline passed without an answer.
    case timedOut
    case connectionReset
    case unparseableResponse(String)
}
