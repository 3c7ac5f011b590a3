import SwitchyardConfig

/// Checks a compiled plan's credential locations against this process's environment, the way `check` does
/// when it compiles a config, so `serve --plan` starts (or refuses to) exactly as `serve --config` would.
///
/// Only configured models' providers are checked, as TensorZero does at startup; shorthand models resolve
/// their credential on first use.
public enum PlanCredentialCheck {
    /// The startup findings, sorted for display; any error means the gateway must not start.
    public static func diagnostics(_ plan: RoutingPlan, check: StartupCredentialCheck) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, model) in plan.models {
            for provider in model.routing {
                let path = keyPath(keyPath("models", name), "providers", provider.name)
                let policy = ProviderCredentialPolicy.of(provider.type)
                for link in provider.credentials.links {
                    guard let position = link.checkedAt else { continue }
                    let origin = provider.credentials.origin
                    if CredentialStartupFindings.usesLegacyAzureKey(link.location, type: provider.type, origin: origin, check: check) {
                        found.append(CredentialStartupFindings.legacyAzureKey(at: position, path: path))
                        continue
                    }
                    let outcome = check.check(link.location, startupName: policy.startupName)
                    if outcome.status == .missing {
                        found.append(CredentialStartupFindings.unresolved(link.location, outcome: outcome, check: check, at: position, path: path))
                    }
                }
            }
        }
        return found.sortedForDisplay()
    }
}
