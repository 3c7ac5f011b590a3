/// One `[models.M]` table: providers tried in `routing` order.
public struct ModelConfig: Sendable {
    public var name: Located<String>
    /// `models.M`.
    public var path: String
    public var location: SourceLocation
    /// Provider names in the order they are tried.
    public var routing: [Located<String>]
    /// Where `routing` was written (the model's table when it is missing).
    public var routingLocation: SourceLocation
    /// Providers in the order they were written.
    public var providers: [ProviderConfig]
    public var timeouts: TimeoutsConfig?

    /// The provider named `name`, if configured.
    public func provider(named name: String) -> ProviderConfig? {
        // By index: `first(where:)` would copy every provider it looks at.
        providers.firstIndex { $0.name.value == name }.map { providers[$0] }
    }

    static let fields = ["routing", "providers", "timeouts", "skip_relay", "namespace"]

    static func read(name: Located<String>, value: TOMLValue, diagnostics: DiagnosticCollector) -> ModelConfig? {
        let path = keyPath("models", name.value)
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return nil }
        let routingValue = reader.table["routing"]
        let routing = reader.stringArray("routing", required: true) ?? []
        var model = ModelConfig(
            name: name, path: path, location: value.location, routing: routing,
            routingLocation: routingValue?.location ?? value.location, providers: [], timeouts: nil
        )
        if let providers = reader.table("providers", required: true) {
            model.providers.reserveCapacity(providers.table.count)
            for entry in providers.table.entries {
                let providerName = Located(entry.key, at: entry.keyLocation)
                if let provider = ProviderConfig.read(name: providerName, value: entry.value, modelPath: path, diagnostics: diagnostics) {
                    model.providers.append(provider)
                }
            }
        }
        model.timeouts = TimeoutsConfig.read("timeouts", from: &reader)
        _ = reader.bool("skip_relay")
        _ = reader.string("namespace")
        reader.rejectUnknownKeys(expected: fields)
        return model
    }
}
