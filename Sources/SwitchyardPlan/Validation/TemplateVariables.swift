/// Finds the variables a MiniJinja template reads from its context (what MiniJinja calls undeclared
/// variables): names used in `{{ … }}` and `{% … %}` that the template does not define itself with `set`,
/// `for` or `macro`. Attribute names after `.`, filter and test names, keywords and string literals are not
/// variables.
enum TemplateVariables {
    private static let keywords: Set<String> = [
        "if", "elif", "else", "endif", "for", "in", "endfor", "set", "endset", "macro", "endmacro", "call", "endcall",
        "filter", "endfilter", "block", "endblock", "extends", "include", "import", "from", "as", "with", "endwith",
        "raw", "endraw", "and", "or", "not", "is", "true", "false", "none", "True", "False", "None", "loop", "recursive",
        "ignore", "missing", "context", "without",
    ]

    static func undeclared(in template: String) -> Set<String> {
        var used: Set<String> = []
        var declared: Set<String> = []
        for tag in tags(in: template) {
            let tokens = tokenize(tag)
            if let first = tokens.first?.text {
                switch first {
                case "set": tokens.dropFirst().prefix { $0.text != "=" }.filter(\.isName).forEach { declared.insert($0.text) }
                case "for": tokens.dropFirst().prefix { $0.text != "in" }.filter(\.isName).forEach { declared.insert($0.text) }
                case "macro": tokens.dropFirst().filter(\.isName).forEach { declared.insert($0.text) }
                default: break
                }
            }
            for (index, token) in tokens.enumerated() where token.isName && !keywords.contains(token.text) {
                let previous = index > 0 ? tokens[index - 1].text : ""
                if previous == "." || previous == "|" || previous == "is" { continue }
                if index + 1 < tokens.count, tokens[index + 1].text == "=", index > 0, tokens[index - 1].text != "set" { continue }
                used.insert(token.text)
            }
        }
        return used.subtracting(declared)
    }

    /// The inside of every `{{ … }}` and `{% … %}` (comments `{# … #}` are skipped).
    private static func tags(in template: String) -> [String] {
        var result: [String] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{") {
            let after = rest[open.upperBound...]
            guard let kind = after.first, kind == "{" || kind == "%" || kind == "#" else {
                rest = after
                continue
            }
            let closing = kind == "{" ? "}}" : "\(kind)}"
            guard let close = after.dropFirst().firstRange(of: closing) else { break }
            if kind != "#" { result.append(String(after.dropFirst()[..<close.lowerBound])) }
            rest = after.dropFirst()[close.upperBound...]
        }
        return result
    }

    private struct Token {
        var text: String
        var isName: Bool
    }

    private static func tokenize(_ expression: String) -> [Token] {
        var tokens: [Token] = []
        var index = expression.startIndex
        while index < expression.endIndex {
            let character = expression[index]
            if character.isWhitespace || character == "-" && (tokens.isEmpty || expression.index(after: index) == expression.endIndex) {
                index = expression.index(after: index)
            } else if character == "\"" || character == "'" {
                let end = expression[expression.index(after: index)...].firstIndex(of: character) ?? expression.endIndex
                index = end < expression.endIndex ? expression.index(after: end) : end
                tokens.append(Token(text: "\"", isName: false))
            } else if character.isLetter || character == "_" {
                let end = expression[index...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? expression.endIndex
                tokens.append(Token(text: String(expression[index..<end]), isName: true))
                index = end
            } else if character.isNumber {
                let end = expression[index...].firstIndex { !($0.isNumber || $0 == "." || $0 == "_") } ?? expression.endIndex
                tokens.append(Token(text: String(expression[index..<end]), isName: false))
                index = end
            } else {
                let next = expression.index(after: index)
                let pair = next < expression.endIndex ? String(expression[index...next]) : ""
                let isComparison = ["==", "!=", "<=", ">="].contains(pair)
                tokens.append(Token(text: isComparison ? pair : String(character), isName: false))
                index = isComparison ? expression.index(after: next) : next
            }
        }
        return tokens
    }
}
