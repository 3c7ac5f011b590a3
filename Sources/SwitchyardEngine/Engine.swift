import Foundation
import SwitchyardConfig
import SwitchyardPlan

/// The one place that decides how a request is served: variant sampling, the routing loop, credentials,
/// retries and timeouts. It is an immutable value built once per gateway start; each request runs as a
/// `RequestExecution` that a driver (the simulator's event loop or the gateway's async transport) steps.
public struct Engine: Sendable {
    let core: EngineCore

    /// The plan being served.
    public var plan: RoutingPlan { core.plan }

    /// Every provider of every configured or referenced model, indexed by `ProviderRoute.id`.
    public var providers: [ProviderRoute] { core.providers }

    /// Starts the engine over `plan` with the credential values of `environment` (read once, as at startup).
    public init(plan: RoutingPlan, environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        core = EngineCore(plan: plan, environment: environment, workingDirectory: workingDirectory)
    }

    /// Begins serving `request` at time `now`. `jitterSeed` makes retry backoff jitter reproducible;
    /// `recordingTrace: false` keeps only counts of attempts, for drivers that need no per-attempt trace.
    public func start(_ request: consuming InferenceRequest, at now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool = true) -> RequestExecution {
        RequestExecution(core: core, request: request, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
    }

    /// Resolves `request` against the plan once, for `start(_:episode:reusing:at:jitterSeed:recordingTrace:)`.
    public func prepare(_ request: InferenceRequest) -> PreparedRequest {
        PreparedRequest(request, core: core)
    }

    /// Starts `prepared`, which this engine prepared, with `episode` in a new execution.
    public func start(
        _ prepared: PreparedRequest, episode: EpisodeID, at now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool = true
    ) -> RequestExecution {
        precondition(prepared.core === core, "a request prepared by another engine")
        return RequestExecution(core: core, prepared: prepared, episode: episode, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
    }

    /// Starts `prepared`, which this engine prepared, with `episode` in `finished`, an execution of this engine whose
    /// request has finished, so that a driver running many requests allocates no execution per request. The
    /// restarted execution behaves exactly as a new one and keeps nothing of its earlier request; no one else may
    /// step `finished` any more.
    public func start(
        _ prepared: PreparedRequest, episode: EpisodeID, reusing finished: RequestExecution, at now: Nanoseconds,
        jitterSeed: UInt64, recordingTrace: Bool = true
    ) {
        precondition(prepared.core === core, "a request prepared by another engine")
        finished.restart(prepared, episode: episode, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
    }
}

final class EngineCore: Sendable {
    let plan: RoutingPlan
    let vault: CredentialVault
    let credentials: RequestCredentials
    /// Configured models and the shorthands variants reference.
    let models: [String: ModelRoute]
    let providers: [ProviderRoute]
    /// Every function's sampling and variants, ready for requests.
    let routes: FunctionTable

    init(plan: RoutingPlan, environment: Environment, workingDirectory: String) {
        self.plan = plan
        let vault = CredentialVault(plan: plan, environment: environment, workingDirectory: workingDirectory)
        self.vault = vault
        credentials = RequestCredentials()
        var models: [String: ModelRoute] = [:]
        var providers: [ProviderRoute] = []
        let allModels = plan.models.merging(plan.shorthandModels) { configured, _ in configured }
        for name in allModels.keys.sorted() {
            let route = ModelRoute(allModels[name]!, firstProviderID: providers.count, vault: vault)
            models[name] = route
            providers += route.providers
        }
        self.models = models
        self.providers = providers
        routes = FunctionTable(plan.functions.mapValues { function in
            FunctionRoute(name: function.name, sampling: function.sampling, variants: function.variants.mapValues { variant in
                let judge = variant.judge.map { VariantRoute($0, model: $0.model.flatMap { models[$0] }) }
                return VariantRoute(variant, model: variant.model.flatMap { models[$0] }, judge: judge)
            })
        })
    }

    /// The model a `model_name` request names: configured, referenced shorthand, or a new shorthand.
    func model(named name: String) -> ModelRoute? {
        if let model = models[name] { return model }
        guard let shorthand = ShorthandModel(name), let credentials = plan.shorthandCredentials[shorthand.type] else { return nil }
        return ModelRoute(.shorthand(shorthand, name: name, credentials: credentials), firstProviderID: -1, vault: vault)
    }
}
