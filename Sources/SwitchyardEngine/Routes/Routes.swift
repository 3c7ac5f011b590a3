import SwitchyardConfig
import SwitchyardPlan

/// A model as requests see it: its providers in routing order, shared by reference.
final class ModelRoute: Sendable {
    let name: String
    let providers: [ProviderRoute]
    let timeouts: TimeoutPlan?
    let isShorthand: Bool

    init(_ model: ModelPlan, firstProviderID: Int, vault: CredentialVault) {
        name = model.name
        providers = model.routing.enumerated().map { ProviderRoute($1, model: model.name, id: firstProviderID + $0, vault: vault) }
        timeouts = model.timeouts
        isShorthand = model.isShorthand
    }
}

/// One provider of one model, numbered so drivers can keep per-upstream state in arrays.
public final class ProviderRoute: Sendable {
    /// A number unique within the engine (or -1 for a shorthand built for a single `model_name` request).
    public let id: Int
    public let model: String
    public let plan: ProviderPlan
    /// Each credential link's location as written (`env::OPENAI_API_KEY`), precomputed for results.
    let locationNames: [String]
    /// Each link's value loaded at startup (environment variables, files); `nil` for per-request forms.
    let staticSecrets: [Secret?]
    let policy: ProviderCredentialPolicy
    /// Settings written as `dynamic::KEY` (`region`, `endpoint_url`, Azure's `endpoint`): field and key.
    let dynamicSettings: [(field: String, key: String)]
    /// The AWS credential chain's outcome, for AWS providers whose keys come from it.
    let awsChain: Result<AWSCredentialChain.Keys, AWSCredentialChain.Failure>?
    /// The credential every request gets, when nothing in a request can change it; `nil` otherwise.
    let requestIndependentChoice: RequestCredentials.Choice?
    /// Each link's error when a request cannot resolve it.
    let unresolvedErrors: [InferenceError]

    init(_ plan: ProviderPlan, model: String, id: Int, vault: CredentialVault) {
        self.id = id
        self.model = model
        self.plan = plan
        locationNames = plan.credentials.links.map(\.location.description)
        staticSecrets = plan.credentials.links.map { vault.value(for: $0.location) }
        policy = ProviderCredentialPolicy.of(plan.type)
        dynamicSettings = plan.dynamicSettings
        awsChain = vault.awsChain
        unresolvedErrors = plan.credentials.links.map { [policy] in RequestCredentials().unresolvedError($0.location, policy: policy) }
        requestIndependentChoice = RequestCredentials().requestIndependentChoice(
            type: plan.type, links: plan.credentials.links, staticSecrets: staticSecrets, policy: policy, dynamicSettings: dynamicSettings
        )
    }
}

/// A variant with its model resolved.
final class VariantRoute: Sendable {
    let name: String
    let plan: VariantPlan
    /// The model it calls; `nil` when the plan names a model the engine cannot resolve.
    let model: ModelRoute?
    /// Whether the variant has templates, so that every request's input is rendered for it.
    let hasTemplates: Bool
    /// Whether the variant sets inference parameters, which fill in what requests leave unset.
    let hasParameters: Bool
    /// A best-of-N evaluator or mixture-of-N fuser, as a variant of its own; `nil` for other variant types.
    let judge: VariantRoute?
    /// Whether the variant runs candidates and an evaluator or fuser instead of calling a model itself (kept as a
    /// flag, so ordinary requests check one byte).
    let runsCandidates: Bool

    init(_ plan: VariantPlan, model: ModelRoute?, judge: VariantRoute? = nil) {
        name = plan.name
        self.plan = plan
        self.model = model
        hasTemplates = !plan.templates.isEmpty
        hasParameters = !plan.parameters.isEmpty
        self.judge = judge
        runsCandidates = plan.kind == .bestOfN || plan.kind == .mixtureOfN
    }
}

/// A function as requests see it: its sampler, its variants, and their names in the order sampling walks them.
final class FunctionRoute: Sendable {
    let name: String
    let sampler: VariantSampler
    /// The function's per-episode draws.
    let draw: EpisodeDraw
    /// Variants in name order; a variant's number is its position here.
    let variants: [VariantRoute]
    private let numbers: [String: Int]
    /// The templates some variant can render template arguments with (`InputRendering.acceptedNames`).
    let templateNames: Set<String>
    /// Whether a variant's `system` template has a schema, so a request must send `system`.
    let requiresSystem: Bool

    init(name: String, sampling: SamplingPlan, variants: [String: VariantRoute]) {
        self.name = name
        let names = variants.keys.sorted()
        sampler = VariantSampler(sampling, names: names)
        draw = EpisodeDraw(functionName: name)
        self.variants = names.map { variants[$0]! }
        numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        templateNames = self.variants.reduce(into: []) { $0.formUnion(InputRendering.acceptedNames($1.plan)) }
        requiresSystem = self.variants.contains { $0.plan.templates["system"] != nil && $0.plan.schemas["system"] != nil }
    }

    /// The number of the variant called `name`, if the function has one.
    func number(of name: String) -> Int? { numbers[name] }
}
