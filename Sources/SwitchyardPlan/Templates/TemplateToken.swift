/// One lexical unit of a template: literal text, a tag delimiter, or a token inside a tag.
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// Literal text between tags, whitespace control already applied.
        case text(String)
        /// `{{`
        case outputStart
        /// `}}`
        case outputEnd
        /// `{%`
        case statementStart
        /// `%}`
        case statementEnd
        case name(String)
        case string(String)
        case integer(Int64)
        case float(Double)
        /// An operator or punctuation: `.`, `|`, `(`, `==`, `//`, …
        case symbol(String)
    }

    var kind: Kind
    var position: TemplatePosition

    /// The token's name, if it is a name.
    var name: String? {
        if case .name(let name) = kind { return name }
        return nil
    }

    /// Whether the token is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let value) = kind { return value == symbol }
        return false
    }

    /// Whether the token is the name `name` (keywords are names).
    func isName(_ name: String) -> Bool {
        self.name == name
    }
}
