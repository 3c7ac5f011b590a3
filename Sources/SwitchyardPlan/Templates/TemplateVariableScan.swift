/// Walks a parsed template for the variables it reads from its arguments.
enum TemplateVariableScan {
    static func scan(_ nodes: [TemplateNode], declared: Set<String>, into found: inout Set<String>) {
        var declared = declared
        for node in nodes {
            switch node {
            case .text: break
            case .output(let expression, _): scan(expression, declared: declared, into: &found)
            case .conditional(let branches, let otherwise):
                for (condition, body) in branches {
                    scan(condition, declared: declared, into: &found)
                    scan(body, declared: declared, into: &found)
                }
                scan(otherwise, declared: declared, into: &found)
            case .loop(let loop):
                scan(loop.iterable, declared: declared, into: &found)
                let inner = declared.union(loop.targets).union(["loop"])
                if let filter = loop.filter { scan(filter, declared: inner, into: &found) }
                scan(loop.body, declared: inner, into: &found)
                scan(loop.otherwise, declared: declared, into: &found)
            case .assignment(let targets, let value, _):
                scan(value, declared: declared, into: &found)
                declared.formUnion(targets)
            }
        }
    }

    static func scan(_ expression: TemplateExpression, declared: Set<String>, into found: inout Set<String>) {
        switch expression {
        case .literal: break
        case .variable(let name, _): if !declared.contains(name) { found.insert(name) }
        case .attribute(let base, _, _), .not(let base), .negate(let base, _): scan(base, declared: declared, into: &found)
        case .index(let base, let key, _), .and(let base, let key), .or(let base, let key), .arithmetic(_, let base, let key, _),
             .concatenate(let base, let key):
            scan(base, declared: declared, into: &found)
            scan(key, declared: declared, into: &found)
        case .list(let items): items.forEach { scan($0, declared: declared, into: &found) }
        case .map(let entries):
            for (key, value) in entries {
                scan(key, declared: declared, into: &found)
                scan(value, declared: declared, into: &found)
            }
        case .filter(let base, _, let arguments, _), .test(let base, _, let arguments, _, _):
            scan(base, declared: declared, into: &found)
            arguments.forEach { scan($0, declared: declared, into: &found) }
        case .comparison(let first, let chain, _):
            scan(first, declared: declared, into: &found)
            chain.forEach { scan($0.1, declared: declared, into: &found) }
        case .conditional(let then, let condition, let otherwise):
            scan(then, declared: declared, into: &found)
            scan(condition, declared: declared, into: &found)
            if let otherwise { scan(otherwise, declared: declared, into: &found) }
        }
    }
}
