import SwitchyardConfig
import SwitchyardPlan
import SwitchyardReports

/// One thing `analyze` makes fail, one at a time.
enum FailureDomain: Hashable {
    /// Upstreams answer 401 to the value this location resolves to.
    case credential(CredentialLocation)
    /// One provider of one configured model answers 503.
    case provider(model: String, provider: String)
    /// Every provider of a model answers 503 (models with several providers, and shorthand models).
    case model(String)
    /// Requests arrive without this `dynamic::` key.
    case missingDynamicCredential(String)

    var kind: FailureImpact.Kind {
        switch self {
        case .credential: .credentialRevoked
        case .provider: .providerDown
        case .model: .modelDown
        case .missingDynamicCredential: .dynamicCredentialMissing
        }
    }

    /// What failed, as a user writes it.
    var subject: String {
        switch self {
        case .credential(let location): location.description
        case .provider(let model, let provider): "\(model).\(provider)"
        case .model(let name): name
        case .missingDynamicCredential(let key): CredentialLocation.dynamic(key).description
        }
    }

    /// Every failure worth injecting into `plan`: revocable credential locations, each provider of a configured
    /// model, models with more than one provider and shorthand models, and each dynamic key left out.
    static func all(in plan: RoutingPlan) -> [FailureDomain] {
        let locations = plan.credentials.values.map(\.location).filter { [.env, .path, .pathFromEnv, .dynamic].contains($0.form) }
        var domains = locations.sorted { $0.description < $1.description }.map(FailureDomain.credential)
        for name in plan.models.keys.sorted() {
            domains += plan.models[name]!.routing.map { .provider(model: name, provider: $0.name) }
        }
        domains += plan.models.keys.sorted().filter { plan.models[$0]!.routing.count > 1 }.map(FailureDomain.model)
        domains += plan.shorthandModels.keys.sorted().map(FailureDomain.model)
        domains += dynamicKeys(in: plan).map(FailureDomain.missingDynamicCredential)
        return domains
    }

    /// Every `dynamic::` key the plan's models read, sorted.
    static func dynamicKeys(in plan: RoutingPlan) -> [String] {
        let links = (plan.models.values.flatMap(\.routing) + plan.shorthandModels.values.flatMap(\.routing)).flatMap(\.credentials.links)
        return Set(links.compactMap { link -> String? in
            if case .dynamic(let key) = link.location { return key }
            return nil
        }).sorted()
    }
}
