/// Builds the node tree of a template from its tokens. MiniJinja statements this renderer does not
/// implement (`macro`, `call`, `include`, `extends`, `block`, `import`, `filter`, `with`, block `set`,
/// loop controls, recursive loops) are rejected as unsupported, by name, instead of being misread.
struct TemplateParser {
    var tokens: [TemplateToken]
    var index = 0

    static let unsupportedStatements: Set<String> = [
        "macro", "call", "include", "extends", "block", "import", "from", "filter", "with", "autoescape", "do",
        "break", "continue",
    ]

    static func parse(_ source: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(tokens: try TemplateLexer.tokenize(source))
        let (nodes, end) = try parser.nodes(until: [])
        if let end { throw TemplateSyntaxError("unexpected `\(end.name ?? "")`", at: end.position) }
        return nodes
    }

    var current: TemplateToken? { index < tokens.count ? tokens[index] : nil }

    var currentPosition: TemplatePosition { current?.position ?? tokens.last?.position ?? TemplatePosition(line: 1, column: 1) }

    mutating func take() -> TemplateToken? {
        defer { index += 1 }
        return current
    }

    mutating func expectSymbol(_ symbol: String) throws(TemplateSyntaxError) {
        guard current?.isSymbol(symbol) == true else { throw TemplateSyntaxError("expected `\(symbol)`", at: currentPosition) }
        index += 1
    }

    mutating func expectName() throws(TemplateSyntaxError) -> String {
        guard let name = current?.name else { throw TemplateSyntaxError("expected identifier", at: currentPosition) }
        index += 1
        return name
    }

    private mutating func expectStatementEnd() throws(TemplateSyntaxError) {
        guard current?.kind == .statementEnd else { throw TemplateSyntaxError("expected end of block", at: currentPosition) }
        index += 1
    }

    /// Nodes up to a statement whose keyword is in `terminators`; returns that keyword's token (the
    /// parser stands after the keyword) or nil at the end of the template.
    private mutating func nodes(until terminators: Set<String>) throws(TemplateSyntaxError) -> ([TemplateNode], TemplateToken?) {
        var nodes: [TemplateNode] = []
        while let token = take() {
            switch token.kind {
            case .text(let text): nodes.append(.text(text))
            case .outputStart:
                let expression = try parseExpression()
                guard current?.kind == .outputEnd else { throw TemplateSyntaxError("expected end of variable block", at: currentPosition) }
                index += 1
                nodes.append(.output(expression, line: token.position.line))
            case .statementStart:
                guard let keyword = current, let name = keyword.name else { throw TemplateSyntaxError("expected statement", at: currentPosition) }
                if terminators.contains(name) {
                    index += 1
                    return (nodes, keyword)
                }
                index += 1
                nodes.append(try statement(name, at: keyword.position))
            default:
                throw TemplateSyntaxError("unexpected token", at: token.position)
            }
        }
        if !terminators.isEmpty {
            let expected = terminators.sorted().map { "`\($0)`" }.joined(separator: " or ")
            throw TemplateSyntaxError("unexpected end of input, expected \(expected)", at: currentPosition)
        }
        return (nodes, nil)
    }

    private mutating func statement(_ keyword: String, at position: TemplatePosition) throws(TemplateSyntaxError) -> TemplateNode {
        switch keyword {
        case "if": return try conditional()
        case "for": return try loop(line: position.line)
        case "set": return try assignment(line: position.line)
        default:
            if Self.unsupportedStatements.contains(keyword) {
                throw TemplateSyntaxError("`{% \(keyword) %}` is not supported by Switchyard's template renderer", at: position, unsupported: true)
            }
            throw TemplateSyntaxError("unknown statement \(keyword)", at: position)
        }
    }

    private mutating func conditional() throws(TemplateSyntaxError) -> TemplateNode {
        var branches: [(TemplateExpression, [TemplateNode])] = []
        var condition = try parseExpression()
        while true {
            try expectStatementEnd()
            let (body, end) = try nodes(until: ["elif", "else", "endif"])
            branches.append((condition, body))
            switch end?.name {
            case "elif": condition = try parseExpression()
            case "else":
                try expectStatementEnd()
                let (otherwise, _) = try nodes(until: ["endif"])
                try expectStatementEnd()
                return .conditional(branches, otherwise: otherwise)
            default:
                try expectStatementEnd()
                return .conditional(branches, otherwise: [])
            }
        }
    }

    private mutating func loop(line: Int) throws(TemplateSyntaxError) -> TemplateNode {
        var targets = [try expectName()]
        while current?.isSymbol(",") == true {
            index += 1
            targets.append(try expectName())
        }
        guard current?.isName("in") == true else { throw TemplateSyntaxError("expected `in`", at: currentPosition) }
        index += 1
        let iterable = try parseOr()
        var filter: TemplateExpression?
        if current?.isName("if") == true {
            index += 1
            filter = try parseOr()
        }
        if current?.isName("recursive") == true {
            throw TemplateSyntaxError("recursive `for` loops are not supported by Switchyard's template renderer", at: currentPosition, unsupported: true)
        }
        try expectStatementEnd()
        let (body, end) = try nodes(until: ["else", "endfor"])
        var otherwise: [TemplateNode] = []
        if end?.name == "else" {
            try expectStatementEnd()
            otherwise = try nodes(until: ["endfor"]).0
        }
        try expectStatementEnd()
        return .loop(TemplateLoop(targets: targets, iterable: iterable, filter: filter, body: body, otherwise: otherwise, line: line))
    }

    private mutating func assignment(line: Int) throws(TemplateSyntaxError) -> TemplateNode {
        var targets = [try expectName()]
        while current?.isSymbol(",") == true {
            index += 1
            targets.append(try expectName())
        }
        if current?.isSymbol(".") == true {
            throw TemplateSyntaxError("`{% set %}` on an attribute (namespaces) is not supported by Switchyard's template renderer", at: currentPosition, unsupported: true)
        }
        guard current?.isSymbol("=") == true else {
            throw TemplateSyntaxError("block `{% set %}` … `{% endset %}` is not supported by Switchyard's template renderer", at: currentPosition, unsupported: true)
        }
        index += 1
        let value = try parseExpression()
        try expectStatementEnd()
        return .assignment(targets: targets, value: value, line: line)
    }
}
