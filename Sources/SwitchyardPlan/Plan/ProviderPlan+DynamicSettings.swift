import SwitchyardConfig

extension ProviderPlan {
    /// The settings this provider reads from each request's `credentials` (`dynamic::KEY`), as field and key:
    /// Azure's `endpoint`, AWS's `region` and `endpoint_url`.
    public var dynamicSettings: [(field: String, key: String)] {
        var found: [(field: String, key: String)] = []
        if type == .azure, case .dynamic(let key)? = CredentialLocation(parsing: endpoint) { found.append(("endpoint", key)) }
        for field in ["region", "endpoint_url"] {
            if let value = settings[field], case .dynamic(let key)? = CredentialLocation(parsing: value) { found.append((field, key)) }
        }
        return found
    }
}
