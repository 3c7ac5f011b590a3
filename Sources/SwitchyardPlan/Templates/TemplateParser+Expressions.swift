/// Expressions, with MiniJinja's precedence from loosest to tightest: `x if c else y`, `or`, `and`,
/// `not`, comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`), `+ -`, `~`, `* / // %`,
/// `**`, unary `-`, then filters (`|`) and tests (`is`) on attribute and index access. Calls, slices and
/// tuples are rejected as unsupported; so are filters and tests outside `TemplateFilters`.
extension TemplateParser {
    mutating func parseExpression() throws(TemplateSyntaxError) -> TemplateExpression {
        let then = try parseOr()
        guard current?.isName("if") == true else { return then }
        index += 1
        let condition = try parseOr()
        var otherwise: TemplateExpression?
        if current?.isName("else") == true {
            index += 1
            otherwise = try parseExpression()
        }
        return .conditional(then: then, condition: condition, otherwise: otherwise)
    }

    mutating func parseOr() throws(TemplateSyntaxError) -> TemplateExpression {
        var left = try parseAnd()
        while current?.isName("or") == true {
            index += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(TemplateSyntaxError) -> TemplateExpression {
        var left = try parseNot()
        while current?.isName("and") == true {
            index += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(TemplateSyntaxError) -> TemplateExpression {
        if current?.isName("not") == true {
            index += 1
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(TemplateSyntaxError) -> TemplateExpression {
        let line = currentPosition.line
        let first = try parseSum()
        var chain: [(String, TemplateExpression)] = []
        while let token = current {
            let op: String
            if case .symbol(let symbol) = token.kind, ["==", "!=", "<", "<=", ">", ">="].contains(symbol) {
                op = symbol
                index += 1
            } else if token.isName("in") {
                op = "in"
                index += 1
            } else if token.isName("not"), index + 1 < tokens.count, tokens[index + 1].isName("in") {
                op = "not in"
                index += 2
            } else {
                break
            }
            chain.append((op, try parseSum()))
        }
        return chain.isEmpty ? first : .comparison(first, chain, line: line)
    }

    private mutating func parseSum() throws(TemplateSyntaxError) -> TemplateExpression {
        var left = try parseConcatenation()
        while let token = current, token.isSymbol("+") || token.isSymbol("-") {
            index += 1
            left = .arithmetic(token.isSymbol("+") ? "+" : "-", left, try parseConcatenation(), line: token.position.line)
        }
        return left
    }

    private mutating func parseConcatenation() throws(TemplateSyntaxError) -> TemplateExpression {
        var left = try parseProduct()
        while current?.isSymbol("~") == true {
            index += 1
            left = .concatenate(left, try parseProduct())
        }
        return left
    }

    private mutating func parseProduct() throws(TemplateSyntaxError) -> TemplateExpression {
        var left = try parsePower()
        while let token = current, case .symbol(let op) = token.kind, ["*", "/", "//", "%"].contains(op) {
            index += 1
            left = .arithmetic(op, left, try parsePower(), line: token.position.line)
        }
        return left
    }

    private mutating func parsePower() throws(TemplateSyntaxError) -> TemplateExpression {
        var left = try parseUnary(withFilters: true)
        while let token = current, token.isSymbol("**") {
            index += 1
            left = .arithmetic("**", left, try parseUnary(withFilters: true), line: token.position.line)
        }
        return left
    }

    private mutating func parseUnary(withFilters: Bool) throws(TemplateSyntaxError) -> TemplateExpression {
        var expression: TemplateExpression
        if let token = current, token.isSymbol("-") {
            index += 1
            expression = .negate(try parseUnary(withFilters: false), line: token.position.line)
        } else if current?.isSymbol("+") == true {
            index += 1
            expression = try parseUnary(withFilters: false)
        } else {
            expression = try parsePostfix(try parsePrimary())
        }
        return withFilters ? try parseFilters(expression) : expression
    }

    private mutating func parsePrimary() throws(TemplateSyntaxError) -> TemplateExpression {
        guard let token = take() else { throw TemplateSyntaxError("unexpected end of input", at: currentPosition) }
        switch token.kind {
        case .name(let name):
            switch name {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.null)
            default:
                if current?.isSymbol("(") == true {
                    throw TemplateSyntaxError("function calls (`\(name)(…)`) are not supported by Switchyard's template renderer", at: token.position, unsupported: true)
                }
                return .variable(name, line: token.position.line)
            }
        case .string(var text):
            while case .string(let more)? = current?.kind {
                text += more
                index += 1
            }
            return .literal(.string(text))
        case .integer(let value): return .literal(.int(value))
        case .float(let value): return .literal(.double(value))
        case .symbol("("):
            let inner = try parseExpression()
            if current?.isSymbol(",") == true {
                throw TemplateSyntaxError("tuples are not supported by Switchyard's template renderer", at: currentPosition, unsupported: true)
            }
            try expectSymbol(")")
            return inner
        case .symbol("["):
            var items: [TemplateExpression] = []
            while current?.isSymbol("]") != true {
                items.append(try parseExpression())
                guard current?.isSymbol(",") == true else { break }
                index += 1
            }
            try expectSymbol("]")
            return .list(items)
        case .symbol("{"):
            var entries: [(TemplateExpression, TemplateExpression)] = []
            while current?.isSymbol("}") != true {
                let key = try parseExpression()
                try expectSymbol(":")
                entries.append((key, try parseExpression()))
                guard current?.isSymbol(",") == true else { break }
                index += 1
            }
            try expectSymbol("}")
            return .map(entries)
        default:
            throw TemplateSyntaxError("unexpected token in expression", at: token.position)
        }
    }

    private mutating func parsePostfix(_ base: TemplateExpression) throws(TemplateSyntaxError) -> TemplateExpression {
        var expression = base
        while let token = current {
            if token.isSymbol(".") {
                index += 1
                guard let next = take() else { throw TemplateSyntaxError("expected identifier", at: currentPosition) }
                switch next.kind {
                case .name(let name): expression = .attribute(expression, name, line: next.position.line)
                case .integer(let number): expression = .index(expression, .literal(.int(number)), line: next.position.line)
                default: throw TemplateSyntaxError("expected identifier", at: next.position)
                }
            } else if token.isSymbol("[") {
                index += 1
                if current?.isSymbol(":") == true {
                    throw TemplateSyntaxError("slices are not supported by Switchyard's template renderer", at: token.position, unsupported: true)
                }
                let key = try parseExpression()
                if current?.isSymbol(":") == true {
                    throw TemplateSyntaxError("slices are not supported by Switchyard's template renderer", at: token.position, unsupported: true)
                }
                try expectSymbol("]")
                expression = .index(expression, key, line: token.position.line)
            } else if token.isSymbol("(") {
                throw TemplateSyntaxError("method calls are not supported by Switchyard's template renderer", at: token.position, unsupported: true)
            } else {
                return expression
            }
        }
        return expression
    }

    private mutating func parseFilters(_ base: TemplateExpression) throws(TemplateSyntaxError) -> TemplateExpression {
        var expression = base
        while let token = current {
            if token.isSymbol("|") {
                index += 1
                let position = currentPosition
                let name = try expectName()
                guard TemplateFilters.supportedFilters.contains(name) else {
                    throw TemplateSyntaxError("filter `\(name)` is not supported by Switchyard's template renderer", at: position, unsupported: true)
                }
                expression = .filter(expression, name: name, arguments: try callArguments(), line: position.line)
            } else if token.isName("is") {
                index += 1
                var negated = false
                if current?.isName("not") == true {
                    negated = true
                    index += 1
                }
                let position = currentPosition
                let name = try expectName()
                guard TemplateFilters.supportedTests.contains(name) else {
                    throw TemplateSyntaxError("test `\(name)` is not supported by Switchyard's template renderer", at: position, unsupported: true)
                }
                var arguments = try callArguments()
                if arguments.isEmpty, let next = current, Self.startsOperand(next) {
                    arguments = [try parseUnary(withFilters: false)]
                }
                expression = .test(expression, name: name, arguments: arguments, negated: negated, line: position.line)
            } else {
                return expression
            }
        }
        return expression
    }

    /// `(a, b)` after a filter or test name; keyword arguments are not supported.
    private mutating func callArguments() throws(TemplateSyntaxError) -> [TemplateExpression] {
        guard current?.isSymbol("(") == true else { return [] }
        index += 1
        var arguments: [TemplateExpression] = []
        while current?.isSymbol(")") != true {
            if current?.name != nil, index + 1 < tokens.count, tokens[index + 1].isSymbol("=") {
                throw TemplateSyntaxError("keyword arguments are not supported by Switchyard's template renderer", at: currentPosition, unsupported: true)
            }
            arguments.append(try parseExpression())
            guard current?.isSymbol(",") == true else { break }
            index += 1
        }
        try expectSymbol(")")
        return arguments
    }

    /// Whether `token` can start the single bare argument of a test (`x is divisibleby 3`).
    private static func startsOperand(_ token: TemplateToken) -> Bool {
        switch token.kind {
        case .integer, .float, .string: true
        case .name(let name): !["and", "or", "else", "if", "in", "not", "is"].contains(name)
        default: false
        }
    }
}
