import Foundation

/// MiniJinja's comparison and arithmetic on JSON values: integers stay integers (`/` always gives a
/// float; `//` and `%` are Euclidean), mixed numbers compare and compute as floats, `+` joins two
/// strings or two lists.
enum TemplateOperators {
    static func compare(_ op: String, _ left: JSONValue, _ right: JSONValue, line: Int) throws(TemplateRenderError) -> Bool {
        switch op {
        case "==": return equal(left, right)
        case "!=": return !equal(left, right)
        case "in": return try contains(right, left, line: line)
        case "not in": return !(try contains(right, left, line: line))
        default:
            let order = try ordering(left, right, line: line)
            switch op {
            case "<": return order < 0
            case "<=": return order <= 0
            case ">": return order > 0
            default: return order >= 0
            }
        }
    }

    static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let a = number(left), let b = number(right) { return a == b }
        return left == right
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    private static func ordering(_ left: JSONValue, _ right: JSONValue, line: Int) throws(TemplateRenderError) -> Int {
        if case .int(let a) = left, case .int(let b) = right { return a < b ? -1 : (a == b ? 0 : 1) }
        if let a = number(left), let b = number(right) { return a < b ? -1 : (a == b ? 0 : 1) }
        if case .string(let a) = left, case .string(let b) = right {
            return a == b ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
        }
        throw TemplateRenderError(
            "invalid operation: tried to compare \(TemplateRenderer.kind(of: left)) with \(TemplateRenderer.kind(of: right))", line: line
        )
    }

    private static func contains(_ container: JSONValue, _ item: JSONValue, line: Int) throws(TemplateRenderError) -> Bool {
        switch container {
        case .string(let text):
            guard case .string(let part) = item else {
                throw TemplateRenderError("invalid operation: cannot perform a containment check on a string with \(TemplateRenderer.kind(of: item))", line: line)
            }
            return part.isEmpty || text.utf8.firstRange(of: part.utf8) != nil
        case .array(let items): return items.contains { equal($0, item) }
        case .object(let members): return members[TemplateValueText.display(item)] != nil
        default:
            throw TemplateRenderError("invalid operation: cannot perform a containment check on this value", line: line)
        }
    }

    static func arithmetic(_ op: String, _ left: JSONValue, _ right: JSONValue, line: Int) throws(TemplateRenderError) -> JSONValue {
        if op == "+" {
            if case .string(let a) = left, case .string(let b) = right { return .string(a + b) }
            if case .array(let a) = left, case .array(let b) = right { return .array(a + b) }
        }
        if case .int(let a) = left, case .int(let b) = right, let result = integer(op, a, b) { return .int(result) }
        guard let a = number(left), let b = number(right) else {
            throw TemplateRenderError(
                "invalid operation: tried to use \(op) operator on unsupported types \(TemplateRenderer.kind(of: left)) and \(TemplateRenderer.kind(of: right))",
                line: line
            )
        }
        if b == 0, ["/", "//", "%"].contains(op) {
            throw TemplateRenderError("invalid operation: division by zero", line: line)
        }
        switch op {
        case "+": return .double(a + b)
        case "-": return .double(a - b)
        case "*": return .double(a * b)
        case "/": return .double(a / b)
        case "//": return .double((a / b).rounded(.down))
        case "%": return .double(a - b * (a / b).rounded(.down))
        default: return .double(Foundation.pow(a, b))
        }
    }

    /// Integer arithmetic, or nil where MiniJinja falls back to floats (`/`, negative powers) or fails.
    private static func integer(_ op: String, _ a: Int64, _ b: Int64) -> Int64? {
        switch op {
        case "+": return a.addingReportingOverflow(b).overflow ? nil : a + b
        case "-": return a.subtractingReportingOverflow(b).overflow ? nil : a - b
        case "*": return a.multipliedReportingOverflow(by: b).overflow ? nil : a * b
        case "//":
            guard b != 0 else { return nil }
            let quotient = a / b
            return a % b < 0 ? (b > 0 ? quotient - 1 : quotient + 1) : quotient
        case "%":
            guard b != 0 else { return nil }
            let remainder = a % b
            return remainder < 0 ? remainder + abs(b) : remainder
        case "**":
            guard b >= 0, b < 64 else { return nil }
            var result: Int64 = 1
            for _ in 0..<b {
                let (next, overflow) = result.multipliedReportingOverflow(by: a)
                if overflow { return nil }
                result = next
            }
            return result
        default: return nil
        }
    }
}
