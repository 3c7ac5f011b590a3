import SwitchyardConfig

/// Collects every credential location in the plan with the places that use it.
struct CredentialIndex {
    private(set) var usages: [String: CredentialUsage] = [:]

    mutating func record(_ credentials: ResolvedCredentials, usedBy owner: String) {
        for link in credentials.links {
            let key = link.location.description
            let reference = link.role == .only ? owner : "\(owner) (\(link.role.rawValue))"
            if var usage = usages[key] {
                usage.usedBy.append(reference)
                usage.usedBy.sort()
                usage.status = combined(usage.status, link.status)
                usages[key] = usage
            } else {
                usages[key] = CredentialUsage(location: link.location, status: link.status, usedBy: [reference])
            }
        }
    }

    /// A location used both by an explicit provider and a shorthand keeps the stricter, startup status.
    private func combined(_ lhs: CredentialStatus, _ rhs: CredentialStatus) -> CredentialStatus {
        if lhs == .checkedOnFirstUse { return rhs }
        return lhs
    }
}
