import SwitchyardConfig
import SwitchyardPlan

/// What a request's execution needs from its driver next.
public enum EngineAction: Sendable {
    /// Send one attempt to an upstream and report its outcome with `complete(_:at:)`.
    case attempt(ProviderAttempt)
    /// Wait (retry backoff) and call `resume(at:)` at that time.
    case sleep(until: Nanoseconds)
    /// Run these executions (a best-of-N / mixture-of-N variant's candidates, each pinned to its candidate
    /// variant) concurrently, each to its end exactly as an independent request, then report their results, in
    /// this order, with `candidatesFinished(_:at:)`.
    case candidates([RequestExecution])
    /// The request is done.
    case finished(InferenceResult)
}

/// One call to one upstream. A reference, so that handing it to a driver and keeping it for the outcome
/// copies no fields.
public final class ProviderAttempt: Sendable {
    /// The variant being tried.
    let variantRoute: VariantRoute
    /// The provider called, with its model.
    public let route: ProviderRoute
    /// The credential to present (`nil` when the provider sends none, or its SDK chain supplies it).
    public let credential: Secret?
    /// Values beside `credential` that this attempt needs, by provider field: the AWS `secret_access_key` and
    /// `session_token` that go with an access key id, and the request's values for `dynamic::` settings
    /// (`region`, `endpoint_url`, Azure's `endpoint`).
    public let fields: [String: Secret]
    /// Which link of the provider's credential chain it came from.
    let credentialLink: Int
    public let isFallbackCredential: Bool
    /// When the attempt started.
    public let start: Nanoseconds
    /// The earliest of the provider, model and variant deadlines; the driver reports `.timedOut` then.
    public let deadline: Nanoseconds?
    public let stream: Bool
    /// The conversation and parameters to send.
    public let payload: InferencePayload

    /// An attempt of `variant` on `route`, presenting `credential` from link `credentialLink` of its chain.
    init(
        variant: VariantRoute, route: ProviderRoute, credential: Secret?, fields: [String: Secret] = [:], credentialLink: Int,
        isFallbackCredential: Bool, start: Nanoseconds, deadline: Nanoseconds?, stream: Bool, payload: InferencePayload
    ) {
        variantRoute = variant
        self.route = route
        self.credential = credential
        self.fields = fields
        self.credentialLink = credentialLink
        self.isFallbackCredential = isFallbackCredential
        self.start = start
        self.deadline = deadline
        self.stream = stream
        self.payload = payload
    }

    /// The variant's name.
    public var variant: String { variantRoute.name }
    /// The variant's settings (its `extra_headers` / `extra_body` go on the wire before the provider's).
    public var variantPlan: VariantPlan { variantRoute.plan }
    /// The provider's plan (type, endpoint, wire model, auth).
    public var provider: ProviderPlan { route.plan }
    /// The model whose routing chain the provider belongs to.
    public var model: String { route.model }
    /// Where the credential came from, as written (`env::OPENAI_API_KEY`).
    public var credentialLocation: String { route.locationNames[credentialLink] }
    /// The form of that location (a GCP `dynamic::` credential is a bearer token, a `path::` one a key file).
    public var credentialForm: CredentialForm { route.plan.credentials.links[credentialLink].location.form }

    /// Equal for attempts of the same variant on the same provider with the same credential link: the same
    /// names, compared without reading them.
    public struct Identity: Hashable, Sendable {
        let variant: ObjectIdentifier
        let provider: ObjectIdentifier
        let credentialLink: Int
    }

    public var identity: Identity {
        Identity(variant: ObjectIdentifier(variantRoute), provider: ObjectIdentifier(route), credentialLink: credentialLink)
    }
}

/// What an upstream did with an attempt.
public enum AttemptOutcome: Sendable, Hashable {
    case success(ProviderResponse)
    case status(Int, body: String)
    /// The deadline passed without an answer.
    case timedOut
    case connectionReset
    case unparseableResponse(String)
    /// The credential could not be turned into authentication (a token exchange was refused, the AWS chain
    /// found no keys), so nothing reached the provider; the message is TensorZero's error text.
    case credentialUnavailable(String)
}
