import SwitchyardConfig

/// A model named `TYPE::NAME` without a `[models]` entry (`openai::gpt-4o-mini`).
public struct ShorthandModel: Sendable, Hashable {
    public var type: ProviderType
    /// The provider's model name (after the prefix; `responses::NAME` keeps its prefix for OpenAI).
    public var modelName: String

    /// Parses a shorthand name, or `nil` when the prefix is not a shorthand provider type.
    public init?(_ name: String) {
        guard let separator = Self.firstSeparator(in: name),
              let type = ProviderType(rawValue: String(name[..<separator.lowerBound])), type.hasShorthand else { return nil }
        self.type = type
        self.modelName = String(name[separator.upperBound...])
    }

    /// Whether `name` is reserved: it starts with a provider type or `tensorzero::` followed by `::`.
    public static func isReserved(_ name: String) -> Bool {
        // Neither `tensorzero` nor a type name contains `:`, so only the text before the first `::` can match.
        guard let separator = firstSeparator(in: name) else { return false }
        let prefix = String(name[..<separator.lowerBound])
        return prefix == "tensorzero" || ProviderType(rawValue: prefix) != nil
    }

    /// The first `::` in `name`.
    private static func firstSeparator(in name: String) -> Range<String.Index>? {
        let colon = UInt8(ascii: ":")
        let utf8 = name.utf8
        var index = utf8.startIndex
        while let first = utf8[index...].firstIndex(of: colon) {
            let second = utf8.index(after: first)
            guard second < utf8.endIndex else { return nil }
            if utf8[second] == colon { return first..<utf8.index(after: second) }
            index = second
        }
        return nil
    }
}

extension TensorZeroConfig {
    /// Whether `name` is a configured model or a shorthand TensorZero resolves on demand.
    public func resolvesModel(_ name: String) -> Bool {
        hasModel(named: name) || ShorthandModel(name) != nil
    }
}
