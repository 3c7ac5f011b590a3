import Foundation
import SwitchyardConfig
import SwitchyardPlan

/// The one place that decides how a request is served: variant sampling, the routing loop, credentials,
/// retries and timeouts. It is an immutable value built once per gateway start; each request runs as a
/// `RequestExecution` that a driver (the simulator's event loop or the gateway's async transport) steps.
public struct Engine: Sendable {
    public let plan: RoutingPlan
    let credentials: RequestCredentials

    /// Starts the engine over `plan` with the credential values of `environment` (read once, as at startup).
    public init(plan: RoutingPlan, environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.plan = plan
        credentials = RequestCredentials(vault: CredentialVault(plan: plan, environment: environment, workingDirectory: workingDirectory))
    }

    /// Begins serving `request` at time `now`. `jitterSeed` makes retry backoff jitter reproducible.
    public func start(_ request: InferenceRequest, at now: Nanoseconds, jitterSeed: UInt64) -> RequestExecution {
        RequestExecution(engine: self, request: request, now: now, jitterSeed: jitterSeed)
    }

    /// The model a request or variant names: configured, referenced shorthand, or a new shorthand.
    func model(named name: String) -> ModelPlan? {
        if let model = plan.model(named: name) { return model }
        guard let shorthand = ShorthandModel(name), let credentials = plan.shorthandCredentials[shorthand.type] else { return nil }
        return ModelPlan.shorthand(shorthand, name: name, credentials: credentials)
    }
}
