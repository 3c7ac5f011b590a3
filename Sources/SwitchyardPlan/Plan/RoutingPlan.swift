import SwitchyardConfig

/// The resolved routing plan: everything the engine needs to route a request, and nothing secret.
///
/// It is an immutable value; its canonical JSON (`compile -o`) is stable across runs and machines.
public struct RoutingPlan: Sendable {
    /// The plan format's version; bumped whenever the JSON shape changes.
    public static let formatVersion = "switchyard.plan/1"

    public var sourceFiles: [String]
    public var globalTimeoutMs: Int64
    /// Configured models by name.
    public var models: [String: ModelPlan]
    /// Shorthand models (`openai::gpt-4o-mini`) that variants reference, by name.
    public var shorthandModels: [String: ModelPlan]
    public var functions: [String: FunctionPlan]
    /// The credential chain a shorthand model of each type uses (built-in or `[provider_types.T.defaults]`),
    /// for `model_name` requests naming shorthands no variant references.
    public var shorthandCredentials: [ProviderType: ResolvedCredentials]
    /// Every credential location in use, by its written form (`env::OPENAI_API_KEY`).
    public var credentials: [String: CredentialUsage]
    /// Warnings and notes found while compiling (a plan is only produced without errors).
    public var diagnostics: [Diagnostic]

    /// The model a variant or request names: a configured one first, then a shorthand.
    public func model(named name: String) -> ModelPlan? {
        models[name] ?? shorthandModels[name]
    }
}

/// One model's ordered routing chain.
public struct ModelPlan: Sendable {
    public var name: String
    /// Providers in the order they are tried.
    public var routing: [ProviderPlan]
    public var timeouts: TimeoutPlan?
    /// Whether this is a shorthand model rather than a `[models]` entry.
    public var isShorthand: Bool

    /// The one-provider model TensorZero builds for a shorthand name (`openai::gpt-4o-mini`).
    public static func shorthand(_ shorthand: ShorthandModel, name: String, credentials: ResolvedCredentials) -> ModelPlan {
        ModelPlan(name: name, routing: [ProviderLowering.lower(shorthand, credentials: credentials)], timeouts: nil, isShorthand: true)
    }
}

/// One provider in a routing chain.
public struct ProviderPlan: Sendable {
    public var name: String
    public var type: ProviderType
    /// Where requests go (the default endpoint, `api_base`, or a location such as `env::AZURE_ENDPOINT`).
    public var endpoint: String
    /// The model (or deployment, endpoint) name sent on the wire.
    public var wireModel: String?
    public var authStyle: ProviderCredentialPolicy.AuthStyle
    public var credentials: ResolvedCredentials
    public var timeouts: TimeoutPlan?
    /// `extra_headers` entries, in order (values that may be credentials are withheld from JSON).
    public var extraHeaders: [ExtraSetting]
    /// `extra_body` entries, in order.
    public var extraBody: [ExtraSetting]
    /// Type-specific settings that change the wire call (`api_type`, `region`, `hosted_provider`, ...).
    public var settings: [String: String]
}

/// Timeouts at one level, in milliseconds.
public struct TimeoutPlan: Sendable, Hashable {
    public var nonStreamingTotalMs: Int64?
    public var streamingTTFTMs: Int64?
    public var streamingTotalMs: Int64?
}

/// A function: how its variants are sampled and what each one calls.
public struct FunctionPlan: Sendable {
    public var name: String
    public var kind: FunctionConfig.Kind
    public var sampling: SamplingPlan
    public var variants: [String: VariantPlan]
    /// Schemas, tools and tool settings.
    public var interface = FunctionInterfacePlan()
}

/// One variant's execution settings.
public struct VariantPlan: Sendable {
    public var name: String
    public var kind: VariantConfig.Kind
    /// The model called (chat completion, DICL, chain of thought).
    public var model: String?
    /// Best-of-N / mixture-of-N candidates, in order (repeats kept).
    public var candidates: [String]
    /// The evaluator's or fuser's model.
    public var judgeModel: String? { judge?.model }
    /// The best-of-N evaluator or mixture-of-N fuser, a chat-completion variant of its own named `V.evaluator` /
    /// `V.fuser` (model, retries, `json_mode`, extras and templates); `nil` for other variant types.
    public var judge: VariantPlan? {
        get { judgeStorage.first }
        set { judgeStorage = newValue.map { [$0] } ?? [] }
    }
    /// Storage for `judge` (a struct cannot hold itself directly).
    private var judgeStorage: [VariantPlan] = []
    public var numRetries: Int
    public var maxDelaySeconds: Double
    public var timeouts: TimeoutPlan?
    public var jsonMode: String?
    /// The inference parameters (`temperature`, `top_p`, `max_tokens`, ...) for requests that do not set their own.
    public var parameters = SamplingParameters()
    /// `extra_headers` entries, applied before the provider's own.
    public var extraHeaders: [ExtraSetting] = []
    /// `extra_body` entries, applied before the provider's own.
    public var extraBody: [ExtraSetting] = []
    /// The templates the variant renders, by name: `system`, `user`, `assistant` for the role fields and
    /// `templates.NAME` entries (an evaluator's or fuser's are its `judge`'s).
    public var templates: [String: TemplatePlan] = [:]
    /// The function's JSON Schemas that apply to this variant's inputs and output, by name (`system`, `user`,
    /// `assistant`, `output`, or the `schemas.NAME` name).
    public var schemas: [String: PlanFileRecord] = [:]

    public init(
        name: String, kind: VariantConfig.Kind, model: String?, candidates: [String] = [], judge: VariantPlan? = nil, numRetries: Int,
        maxDelaySeconds: Double, timeouts: TimeoutPlan?, jsonMode: String?, parameters: SamplingParameters = SamplingParameters(),
        extraHeaders: [ExtraSetting] = [], extraBody: [ExtraSetting] = [], templates: [String: TemplatePlan] = [:],
        schemas: [String: PlanFileRecord] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.model = model
        self.candidates = candidates
        self.numRetries = numRetries
        self.maxDelaySeconds = maxDelaySeconds
        self.timeouts = timeouts
        self.jsonMode = jsonMode
        self.parameters = parameters
        self.extraHeaders = extraHeaders
        self.extraBody = extraBody
        self.templates = templates
        self.schemas = schemas
        self.judge = judge
    }

    /// The single variant of `tensorzero::default` for a `model_name` request: named after the model, calling
    /// it with default settings and no retries.
    public static func defaultFunctionVariant(model: String) -> VariantPlan {
        VariantPlan(
            name: model, kind: .chatCompletion, model: model, numRetries: 0,
            maxDelaySeconds: 10, timeouts: nil, jsonMode: nil
        )
    }
}

/// Where a credential location is used and how it stands at startup.
public struct CredentialUsage: Sendable {
    public var location: CredentialLocation
    public var status: CredentialStatus
    /// `models.M.providers.P (default)`-style references, sorted.
    public var usedBy: [String]
}
