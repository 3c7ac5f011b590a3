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

    /// Starts the engine over `plan` with the credential values of `environment` (read once, as at startup).
    public init(plan: RoutingPlan, environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        core = EngineCore(plan: plan, environment: environment, workingDirectory: workingDirectory)
    }

    /// Begins serving `request` at time `now`. `jitterSeed` makes retry backoff jitter reproducible;
    /// `recordingTrace: false` keeps only counts of attempts, for drivers that need no per-attempt trace.
    public func start(_ request: InferenceRequest, at now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool = true) -> RequestExecution {
        RequestExecution(core: core, request: request, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
    }
}

/// What the engine derives once from a plan and shares, by reference, with every request.
final class EngineCore: Sendable {
    let plan: RoutingPlan
    let credentials: RequestCredentials
    /// Every function's sampling and variants, ready for requests.
    let routes: [String: FunctionRoute]

    init(plan: RoutingPlan, environment: Environment, workingDirectory: String) {
        self.plan = plan
        credentials = RequestCredentials(vault: CredentialVault(plan: plan, environment: environment, workingDirectory: workingDirectory))
        routes = plan.functions.mapValues { FunctionRoute(name: $0.name, sampling: $0.sampling, variants: $0.variants) }
    }

    /// The model a request or variant names: configured, referenced shorthand, or a new shorthand.
    func model(named name: String) -> ModelPlan? {
        if let model = plan.model(named: name) { return model }
        guard let shorthand = ShorthandModel(name), let credentials = plan.shorthandCredentials[shorthand.type] else { return nil }
        return ModelPlan.shorthand(shorthand, name: name, credentials: credentials)
    }
}

/// A function as requests see it: its sampler, its variants, and their names in the order sampling walks them.
final class FunctionRoute: Sendable {
    let name: String
    let sampler: VariantSampler
    let variants: [String: VariantPlan]
    let sortedVariantNames: [String]

    init(name: String, sampling: SamplingPlan, variants: [String: VariantPlan]) {
        self.name = name
        sampler = VariantSampler(sampling)
        self.variants = variants
        sortedVariantNames = variants.keys.sorted()
    }
}
