import SwitchyardConfig

/// Collects every credential location in the plan with the places that use it.
struct CredentialIndex {
    private var unsortedUsages: [String: CredentialUsage] = [:]

    /// Every location with its users in sorted order.
    var usages: [String: CredentialUsage] {
        unsortedUsages.mapValues { usage in
            var sorted = usage
            sorted.usedBy.sort()
            return sorted
        }
    }

    mutating func record(_ credentials: ResolvedCredentials, usedBy owner: String) {
        for link in credentials.links {
            let key = link.location.description
            let reference = link.role == .only ? owner : "\(owner) (\(link.role.rawValue))"
            if var usage = unsortedUsages.removeValue(forKey: key) {
                usage.usedBy.append(reference)
                usage.status = combined(usage.status, link.status)
                unsortedUsages[key] = usage
            } else {
                unsortedUsages[key] = CredentialUsage(location: link.location, status: link.status, usedBy: [reference])
            }
        }
    }

    /// A location used both by an explicit provider and a shorthand keeps the stricter, startup status.
    private func combined(_ lhs: CredentialStatus, _ rhs: CredentialStatus) -> CredentialStatus {
        if lhs == .checkedOnFirstUse { return rhs }
        return lhs
    }
}
