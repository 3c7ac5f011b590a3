/// One thing in a config that scenarios can exercise.
public struct CoverageItem: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kinds `simulate --coverage` counts, in report order.
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        case function
        case variant
        case model
        case provider
        case credential
        case fallbackEdge

        /// The kind's name in reports, plural.
        public var title: String {
            switch self {
            case .function: "functions"
            case .variant: "variants"
            case .model: "models"
            case .provider: "providers"
            case .credential: "credential locations"
            case .fallbackEdge: "fallback edges"
            }
        }
    }

    public var kind: Kind
    /// The item as a user names it: `generate_haiku`, `generate_haiku.gpt_4o_mini_1`, `chat_model.openai`,
    /// `env::OPENAI_API_KEY (fallback side)`, `chat_model: openai → anthropic`.
    public var name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { name }

    public static func < (lhs: CoverageItem, rhs: CoverageItem) -> Bool {
        (lhs.kind.rawValue, lhs.name) < (rhs.kind.rawValue, rhs.name)
    }

    /// A credential location on one side of its setting: `env::X` (a single location), `env::X (default side)`,
    /// `env::X (fallback side)`.
    static func credential(_ location: String, side: String?) -> CoverageItem {
        CoverageItem(.credential, side.map { "\(location) (\($0) side)" } ?? location)
    }

    /// Routing moving from one provider of a model to the next.
    static func providerEdge(model: String, from: String, to: String) -> CoverageItem {
        CoverageItem(.fallbackEdge, "\(model): \(from) → \(to)")
    }

    /// A function trying a fallback variant after another variant failed.
    static func variantEdge(function: String, to variant: String) -> CoverageItem {
        CoverageItem(.fallbackEdge, "\(function): → fallback variant \(variant)")
    }
}
