/// Renders a parsed template against one request's arguments with MiniJinja's strict undefined behaviour
/// (TensorZero's setting): printing, testing the truth of, iterating or computing with an undefined
/// value fails with `undefined value`; `is defined` and `default` are the ways to handle one. An
/// undefined value is `nil` here.
struct TemplateRenderer {
    /// Variable scopes, innermost last; the first holds the arguments.
    private var scopes: [[String: JSONValue]]
    private var output = ""

    static func render(_ nodes: [TemplateNode], arguments: JSONValue) throws(TemplateRenderError) -> String {
        var renderer = TemplateRenderer(scopes: [arguments.objectMembers ?? [:]])
        try renderer.run(nodes)
        return renderer.output
    }

    private init(scopes: [[String: JSONValue]]) {
        self.scopes = scopes
    }

    private mutating func run(_ nodes: [TemplateNode]) throws(TemplateRenderError) {
        for node in nodes {
            switch node {
            case .text(let text): output += text
            case .output(let expression, let line):
                output += TemplateValueText.display(try defined(evaluate(expression), line: line))
            case .conditional(let branches, let otherwise):
                var taken = false
                for (condition, body) in branches where try truth(condition) {
                    try run(body)
                    taken = true
                    break
                }
                if !taken { try run(otherwise) }
            case .loop(let loop): try run(loop)
            case .assignment(let targets, let value, let line):
                let result = try defined(evaluate(value), line: line)
                for (name, item) in try unpack(result, into: targets.count, line: line) { scopes[scopes.count - 1][targets[name]] = item }
            }
        }
    }

    private mutating func run(_ loop: TemplateLoop) throws(TemplateRenderError) {
        var items = try iterate(defined(evaluate(loop.iterable), line: loop.line), line: loop.line)
        if let filter = loop.filter {
            var kept: [JSONValue] = []
            for item in items {
                scopes.append(try bindings(loop.targets, item, line: loop.line))
                defer { scopes.removeLast() }
                if try truth(filter) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            try run(loop.otherwise)
            return
        }
        for (position, item) in items.enumerated() {
            var scope = try bindings(loop.targets, item, line: loop.line)
            var state: [String: JSONValue] = [
                "index": .int(Int64(position + 1)), "index0": .int(Int64(position)),
                "revindex": .int(Int64(items.count - position)), "revindex0": .int(Int64(items.count - position - 1)),
                "first": .bool(position == 0), "last": .bool(position == items.count - 1), "length": .int(Int64(items.count)),
                "depth": .int(1), "depth0": .int(0),
            ]
            if position > 0 { state["previtem"] = items[position - 1] }
            if position + 1 < items.count { state["nextitem"] = items[position + 1] }
            scope["loop"] = .object(state)
            scopes.append(scope)
            defer { scopes.removeLast() }
            try run(loop.body)
        }
    }

    private func bindings(_ targets: [String], _ item: JSONValue, line: Int) throws(TemplateRenderError) -> [String: JSONValue] {
        var scope: [String: JSONValue] = [:]
        for (index, value) in try unpack(item, into: targets.count, line: line) { scope[targets[index]] = value }
        return scope
    }

    private func unpack(_ value: JSONValue, into count: Int, line: Int) throws(TemplateRenderError) -> [(Int, JSONValue)] {
        if count == 1 { return [(0, value)] }
        guard case .array(let items) = value, items.count == count else {
            throw TemplateRenderError("cannot unpack value into \(count) variables", line: line)
        }
        return Array(items.enumerated())
    }

    /// The items a `for` loop visits: a list's items, a map's keys (sorted), a string's characters.
    func iterate(_ value: JSONValue, line: Int) throws(TemplateRenderError) -> [JSONValue] {
        switch value {
        case .array(let items): return items
        case .object(let members): return members.keys.sorted(by: TemplateValueText.keyOrder).map(JSONValue.string)
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        default: throw TemplateRenderError("invalid operation: \(Self.kind(of: value)) is not iterable", line: line)
        }
    }

    func defined(_ value: JSONValue?, line: Int) throws(TemplateRenderError) -> JSONValue {
        guard let value else { throw TemplateRenderError("undefined value", line: line) }
        return value
    }

    private mutating func truth(_ expression: TemplateExpression) throws(TemplateRenderError) -> Bool {
        Self.isTrue(try defined(evaluate(expression), line: expression.line))
    }

    static func isTrue(_ value: JSONValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .double(let number): number != 0
        case .string(let text): !text.isEmpty
        case .array(let items): !items.isEmpty
        case .object(let members): !members.isEmpty
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "none"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "string"
        case .array: "sequence"
        case .object: "map"
        }
    }

    private func lookup(_ name: String) -> JSONValue? {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return nil
    }

    mutating func evaluate(_ expression: TemplateExpression) throws(TemplateRenderError) -> JSONValue? {
        switch expression {
        case .literal(let value): return value
        case .variable(let name, _): return lookup(name)
        case .attribute(let base, let name, let line):
            let container = try defined(evaluate(base), line: line)
            return container.objectMembers?[name]
        case .index(let base, let key, let line):
            let container = try defined(evaluate(base), line: line)
            return Self.item(container, try defined(evaluate(key), line: line))
        case .list(let items):
            var values: [JSONValue] = []
            for item in items { values.append(try defined(evaluate(item), line: item.line)) }
            return .array(values)
        case .map(let entries):
            var members: [String: JSONValue] = [:]
            for (key, value) in entries {
                members[TemplateValueText.display(try defined(evaluate(key), line: key.line))] = try defined(evaluate(value), line: value.line)
            }
            return .object(members)
        case .filter(let base, let name, let arguments, let line):
            let value = try evaluate(base)
            var values: [JSONValue] = []
            for argument in arguments { values.append(try defined(evaluate(argument), line: line)) }
            return try TemplateFilters.apply(name, to: value, arguments: values, line: line)
        case .test(let base, let name, let arguments, let negated, let line):
            let value = try evaluate(base)
            var values: [JSONValue] = []
            for argument in arguments { values.append(try defined(evaluate(argument), line: line)) }
            return .bool(try TemplateFilters.test(name, value, arguments: values, line: line) != negated)
        case .not(let inner): return .bool(!(try truth(inner)))
        case .negate(let inner, let line):
            switch try defined(evaluate(inner), line: line) {
            case .int(let number): return .int(-number)
            case .double(let number): return .double(-number)
            case let other: throw TemplateRenderError("invalid operation: cannot negate \(Self.kind(of: other))", line: line)
            }
        case .and(let left, let right):
            let first = try defined(evaluate(left), line: left.line)
            return Self.isTrue(first) ? try evaluate(right) : first
        case .or(let left, let right):
            let first = try defined(evaluate(left), line: left.line)
            return Self.isTrue(first) ? first : try evaluate(right)
        case .comparison(let first, let chain, let line):
            var left = try defined(evaluate(first), line: line)
            for (op, operand) in chain {
                let right = try defined(evaluate(operand), line: line)
                guard try TemplateOperators.compare(op, left, right, line: line) else { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .arithmetic(let op, let left, let right, let line):
            return try TemplateOperators.arithmetic(op, defined(evaluate(left), line: line), defined(evaluate(right), line: line), line: line)
        case .concatenate(let left, let right):
            let first = TemplateValueText.display(try defined(evaluate(left), line: left.line))
            return .string(first + TemplateValueText.display(try defined(evaluate(right), line: right.line)))
        case .conditional(let then, let condition, let otherwise):
            if try truth(condition) { return try evaluate(then) }
            return try otherwise.map { expression throws(TemplateRenderError) in try evaluate(expression) } ?? nil
        }
    }

    /// `container[key]`: a map's member, or a list's or string's item (negative indices count from the end).
    static func item(_ container: JSONValue, _ key: JSONValue) -> JSONValue? {
        switch (container, key) {
        case (.object(let members), _): return members[TemplateValueText.display(key)]
        case (.array(let items), .int(let position)):
            let resolved = position < 0 ? Int64(items.count) + position : position
            return resolved >= 0 && resolved < items.count ? items[Int(resolved)] : nil
        case (.string(let text), .int(let position)):
            let scalars = Array(text.unicodeScalars)
            let resolved = position < 0 ? Int64(scalars.count) + position : position
            return resolved >= 0 && resolved < scalars.count ? .string(String(scalars[Int(resolved)])) : nil
        default: return nil
        }
    }
}

extension JSONValue {
    /// The members of an object, or nil.
    var objectMembers: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

extension TemplateExpression {
    /// The template line an expression starts on, for error messages.
    var line: Int {
        switch self {
        case .variable(_, let line), .attribute(_, _, let line), .index(_, _, let line), .filter(_, _, _, let line),
             .test(_, _, _, _, let line), .negate(_, let line), .comparison(_, _, let line), .arithmetic(_, _, _, let line):
            line
        case .not(let inner), .and(let inner, _), .or(let inner, _), .concatenate(let inner, _): inner.line
        case .conditional(let then, _, _): then.line
        case .literal, .list, .map: 1
        }
    }
}
