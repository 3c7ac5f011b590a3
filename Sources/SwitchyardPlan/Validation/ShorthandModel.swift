import SwitchyardConfig

/// A model named `TYPE::NAME` without a `[models]` entry (`openai::gpt-4o-mini`).
public struct ShorthandModel: Sendable, Hashable {
    public var type: ProviderType
    /// The provider's model name (after the prefix; `responses::NAME` keeps its prefix for OpenAI).
    public var modelName: String

    /// Parses a shorthand name, or `nil` when the prefix is not a shorthand provider type.
    public init?(_ name: String) {
        guard let separator = name.range(of: "::"),
              let type = ProviderType(rawValue: String(name[..<separator.lowerBound])), type.hasShorthand else { return nil }
        self.type = type
        self.modelName = String(name[separator.upperBound...])
    }

    /// Whether `name` is reserved: it starts with a provider type or `tensorzero::` followed by `::`.
    public static func isReserved(_ name: String) -> Bool {
        name.hasPrefix("tensorzero::") || ProviderType.allCases.contains { name.hasPrefix("\($0.rawValue)::") }
    }
}

extension TensorZeroConfig {
    /// Whether `name` is a configured model or a shorthand TensorZero resolves on demand.
    public func resolvesModel(_ name: String) -> Bool {
        hasModel(named: name) || ShorthandModel(name) != nil
    }
}
