import SwitchyardConfig
import SwitchyardPlan

/// What stops this build's gateway from serving a valid plan (provider types it cannot call yet, endpoints
/// it cannot resolve) and what it serves differently from TensorZero (warnings).
public struct GatewayStartupCheck: Sendable {
    /// Problems that refuse the start, one line each (`models.M.providers.P: ...`).
    public var errors: [String] = []
    /// Differences the gateway starts with, one line each.
    public var warnings: [String] = []

    /// Checks every configured and referenced shorthand model's providers.
    public init(plan: RoutingPlan, environment: Environment) {
        let resolver = EndpointResolver(environment: environment)
        let served = ProviderSupport.servedTypes.map(\.rawValue).joined(separator: ", ")
        let models = plan.models.merging(plan.shorthandModels) { configured, _ in configured }
        for name in models.keys.sorted() {
            for provider in models[name]!.routing {
                let path = "models.\(name).providers.\(provider.name)"
                guard ProviderSupport.adapter(for: provider.type) != nil else {
                    errors.append("\(path): provider type `\(provider.type.rawValue)` is not served by this build's gateway yet (it serves \(served))")
                    continue
                }
                if case .failure(let failure) = resolver.resolve(provider.endpoint) {
                    errors.append("\(path): \(failure)")
                }
                if !provider.extraHeaders.isEmpty || !provider.extraBody.isEmpty {
                    warnings.append("\(path): `extra_headers` / `extra_body` are not sent by this build's gateway (the plan carries their names only)")
                }
            }
        }
    }

    /// Whether the gateway may start.
    public var canStart: Bool { errors.isEmpty }
}
