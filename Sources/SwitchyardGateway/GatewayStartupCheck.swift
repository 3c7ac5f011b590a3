import SwitchyardConfig
import SwitchyardPlan

/// What stops this build's gateway from serving a valid plan (endpoints it cannot resolve, `extra_headers` / `extra_body` values a plan read from JSON does not hold) and what it
/// serves differently from TensorZero (warnings).
public struct GatewayStartupCheck: Sendable {
    /// Problems that refuse the start, one line each (`models.M.providers.P: ...`).
    public var errors: [String] = []
    /// Differences the gateway starts with, one line each.
    public var warnings: [String] = []

    /// Checks every configured and referenced shorthand model's providers, and every variant.
    public init(plan: RoutingPlan, environment: Environment) {
        let resolver = EndpointResolver(environment: environment)
        let models = plan.models.merging(plan.shorthandModels) { configured, _ in configured }
        for name in models.keys.sorted() {
            for provider in models[name]!.routing {
                let path = "models.\(name).providers.\(provider.name)"
                if let failure = resolver.checkAtStartup(provider.endpoint) {
                    errors.append("\(path): \(failure)")
                }
                errors += Self.missingValues(provider.extraHeaders, "extra_headers", path: path)
                errors += Self.missingValues(provider.extraBody, "extra_body", path: path)
            }
        }
        for function in plan.functions.keys.sorted() {
            let variants = plan.functions[function]!.variants
            for name in variants.keys.sorted() {
                let path = "functions.\(function).variants.\(name)"
                errors += Self.missingValues(variants[name]!.extraHeaders, "extra_headers", path: path)
                errors += Self.missingValues(variants[name]!.extraBody, "extra_body", path: path)
            }
        }
    }

    /// Entries whose value a plan read back from JSON does not hold (it may be a credential, so it was never
    /// written), one error each.
    private static func missingValues(_ settings: [ExtraSetting], _ field: String, path: String) -> [String] {
        settings.compactMap { setting in
            guard case .setWithheld(nil) = setting.action else { return nil }
            return "\(path).\(field): the value for `\(setting.target)` may be a credential, so plan files never hold it; serve this config with --config"
        }
    }

    /// Whether the gateway may start.
    public var canStart: Bool { errors.isEmpty }
}
