import SwitchyardConfig

/// What one credential location failing removes from a plan.
///
/// The location is taken as unresolvable (unset variable, unreadable file, key not sent), so a chain moves to
/// its fallback side as TensorZero does: a provider is lost when every side of its chain reads the location
/// (the default side is `only`/`default` links, all of them needed; the fallback side is `fallback` links). A
/// model is lost when every provider of its routing is; a model-calling variant when its model is; a
/// best-of-N or mixture-of-N variant when every candidate is (a failed evaluator or fuser still returns a
/// candidate); a function when every variant its sampling can reach is.
public struct CredentialOutage: Sendable {
    /// A provider of a model's routing.
    public struct ProviderID: Sendable, Hashable {
        public var model: String
        public var provider: String

        public init(model: String, provider: String) {
            self.model = model
            self.provider = provider
        }
    }

    /// A variant of a function.
    public struct VariantID: Sendable, Hashable {
        public var function: String
        public var variant: String

        public init(function: String, variant: String) {
            self.function = function
            self.variant = variant
        }
    }

    public let location: CredentialLocation
    public private(set) var lostProviders: Set<ProviderID> = []
    public private(set) var lostModels: Set<String> = []
    public private(set) var lostVariants: Set<VariantID> = []
    public private(set) var lostFunctions: Set<String> = []

    /// The consequences of `location` failing in `plan`.
    public init(location: CredentialLocation, plan: RoutingPlan) {
        self.location = location
        for model in plan.models.values.sorted(by: { $0.name < $1.name }) + plan.shorthandModels.values.sorted(by: { $0.name < $1.name }) {
            let lost = model.routing.filter { Self.isLost($0.credentials, location: location) }
            lostProviders.formUnion(lost.map { ProviderID(model: model.name, provider: $0.name) })
            if !model.routing.isEmpty && lost.count == model.routing.count { lostModels.insert(model.name) }
        }
        for function in plan.functions.values {
            var memo: [String: Bool] = [:]
            for name in function.variants.keys where isLost(variant: name, in: function, memo: &memo, visiting: []) {
                lostVariants.insert(VariantID(function: function.name, variant: name))
            }
            let reachable = Self.reachableVariants(function)
            if !reachable.isEmpty && reachable.allSatisfy({ memo[$0] == true }) { lostFunctions.insert(function.name) }
        }
    }

    /// Whether the chain side holding `link` reads the failed location (the link itself no longer serves).
    public func isLost(_ link: CredentialLink, of credentials: ResolvedCredentials) -> Bool {
        Self.sides(credentials).contains { side in side.contains(link) && side.contains { $0.location == location } }
    }

    /// The variants `function`'s sampling can pick without a pin: candidates and fallbacks, or every variant
    /// under uniform sampling or when none are listed.
    static func reachableVariants(_ function: FunctionPlan) -> [String] {
        let listed = function.sampling.candidates.map(\.variant) + function.sampling.fallbacks
        if function.sampling.policy == .uniform || listed.isEmpty { return Array(function.variants.keys) }
        return listed.filter { function.variants[$0] != nil }
    }

    private static func sides(_ credentials: ResolvedCredentials) -> [[CredentialLink]] {
        [credentials.links.filter { $0.role != .fallback }, credentials.links.filter { $0.role == .fallback }].filter { !$0.isEmpty }
    }

    private static func isLost(_ credentials: ResolvedCredentials, location: CredentialLocation) -> Bool {
        let sides = sides(credentials)
        return !sides.isEmpty && sides.allSatisfy { side in side.contains { $0.location == location } }
    }

    private func isLost(variant name: String, in function: FunctionPlan, memo: inout [String: Bool], visiting: Set<String>) -> Bool {
        if let known = memo[name] { return known }
        guard let variant = function.variants[name], !visiting.contains(name) else { return false }
        let lost: Bool
        if variant.candidates.isEmpty {
            lost = variant.model.map { lostModels.contains($0) } ?? false
        } else {
            lost = variant.candidates.allSatisfy { isLost(variant: $0, in: function, memo: &memo, visiting: visiting.union([name])) }
        }
        memo[name] = lost
        return lost
    }
}
