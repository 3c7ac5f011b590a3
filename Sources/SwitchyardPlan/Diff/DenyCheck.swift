/// Finds the review rules a change from `old` to `new` crosses.
struct DenyCheck {
    let old: RoutingPlan
    let new: RoutingPlan

    func violations() -> [DenyViolation] {
        var found: [DenyViolation] = []
        for name in old.functions.keys.sorted() {
            guard let before = old.functions[name] else { continue }
            guard let after = new.functions[name] else {
                found.append(DenyViolation(rule: .functionRemoved, message: "function `\(name)` is removed"))
                continue
            }
            for variant in Set(before.variants.keys).subtracting(after.variants.keys).sorted() {
                found.append(DenyViolation(rule: .variantRemoved, message: "variant `\(variant)` of `\(name)` is removed"))
            }
            let routesBefore = TrafficShares.routes(of: before, in: old), routesAfter = TrafficShares.routes(of: after, in: new)
            if routesBefore.count > 1, routesAfter.count <= 1 {
                found.append(DenyViolation(
                    rule: .lostLastFallback,
                    message: "`\(name)` loses its last fallback: it could be served by \(DiffWording.names(routesBefore.sorted())), now only by \(DiffWording.names(routesAfter.sorted()))"
                ))
            }
            let credentialsBefore = TrafficShares.credentials(of: before, in: old), credentialsAfter = TrafficShares.credentials(of: after, in: new)
            if credentialsBefore.count > 1, credentialsAfter.count == 1 {
                found.append(DenyViolation(
                    rule: .singleCredential,
                    message: "`\(name)` now has one credential, \(DiffWording.names(credentialsAfter.sorted())), on every path (it had \(DiffWording.names(credentialsBefore.sorted())))"
                ))
            }
        }
        for name in old.models.keys.sorted() {
            guard let before = old.models[name], let after = new.models[name] else { continue }
            for provider in after.routing {
                guard let previous = before.routing.first(where: { $0.name == provider.name }), previous.credentials.links.map(\.location) != provider.credentials.links.map(\.location) else { continue }
                found.append(DenyViolation(
                    rule: .credentialChanged,
                    message: "`\(name).\(provider.name)` credentials: \(DiffWording.credentials(previous.credentials)) → \(DiffWording.credentials(provider.credentials))"
                ))
            }
        }
        return found
    }
}
