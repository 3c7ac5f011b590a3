import SwitchyardConfig

/// Collects every credential location in the plan with the places that use it.
struct CredentialIndex {
    private var unsortedUsages: [CredentialLocation: CredentialUsage] = [:]

    /// Every location, by its written form, with its users in sorted order.
    var usages: [String: CredentialUsage] {
        var usages: [String: CredentialUsage] = [:]
        usages.reserveCapacity(unsortedUsages.count)
        for (location, usage) in unsortedUsages {
            var sorted = usage
            sorted.usedBy.sort()
            usages[location.description] = sorted
        }
        return usages
    }

    mutating func record(_ credentials: ResolvedCredentials, usedBy owner: String) {
        for link in credentials.links {
            let reference = link.role == .only ? owner : "\(owner) (\(link.role.rawValue))"
            if let position = unsortedUsages.index(forKey: link.location) {
                unsortedUsages.values[position].usedBy.append(reference)
                unsortedUsages.values[position].status = combined(unsortedUsages.values[position].status, link.status)
            } else {
                unsortedUsages[link.location] = CredentialUsage(location: link.location, status: link.status, usedBy: [reference])
            }
        }
    }

    /// A location used both by an explicit provider and a shorthand keeps the stricter, startup status.
    private func combined(_ lhs: CredentialStatus, _ rhs: CredentialStatus) -> CredentialStatus {
        if lhs == .checkedOnFirstUse { return rhs }
        return lhs
    }
}
