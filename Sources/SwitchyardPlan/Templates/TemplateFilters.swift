import Foundation

/// The MiniJinja filters and tests Switchyard renders, with MiniJinja's behaviour (checked against
/// TensorZero's gateway in the golden cases). A template using any other filter or test is rejected when
/// the config is compiled.
enum TemplateFilters {
    static let supportedFilters: Set<String> = [
        "upper", "lower", "title", "capitalize", "trim", "length", "count", "join", "default", "d", "first", "last",
        "replace", "tojson", "string", "int", "float", "abs", "reverse", "dictsort", "items", "list", "safe",
    ]

    static let supportedTests: Set<String> = [
        "defined", "undefined", "none", "odd", "even", "divisibleby", "number", "integer", "float", "string", "mapping",
        "boolean", "true", "false", "startingwith", "endingwith",
    ]

    static func apply(_ name: String, to input: JSONValue?, arguments: [JSONValue], line: Int) throws(TemplateRenderError) -> JSONValue? {
        if name == "default" || name == "d" {
            let fallback = arguments.first ?? .string("")
            guard let input else { return fallback }
            let checksTruth = arguments.count > 1 && TemplateRenderer.isTrue(arguments[1])
            return checksTruth && !TemplateRenderer.isTrue(input) ? fallback : input
        }
        guard let value = input else { throw TemplateRenderError("undefined value", line: line) }
        func invalid(_ detail: String) -> TemplateRenderError {
            TemplateRenderError("invalid operation: \(detail)", line: line)
        }
        func text() throws(TemplateRenderError) -> String {
            guard case .string(let string) = value else { throw invalid("filter \(name) expects a string") }
            return string
        }
        func stringArgument(_ index: Int) throws(TemplateRenderError) -> String {
            guard index < arguments.count, case .string(let string) = arguments[index] else {
                throw invalid("filter \(name) expects a string argument")
            }
            return string
        }
        switch name {
        case "upper": return .string(try text().uppercased())
        case "lower": return .string(try text().lowercased())
        case "title": return .string(title(try text()))
        case "capitalize":
            let string = try text()
            guard let first = string.unicodeScalars.first else { return .string("") }
            return .string(String(first).uppercased() + String(String.UnicodeScalarView(string.unicodeScalars.dropFirst())).lowercased())
        case "trim":
            let string = try text()
            if arguments.isEmpty { return .string(trimmed(string) { $0.properties.isWhitespace }) }
            let characters = Set(try stringArgument(0).unicodeScalars)
            return .string(trimmed(string) { characters.contains($0) })
        case "length", "count":
            switch value {
            case .string(let string): return .int(Int64(string.unicodeScalars.count))
            case .array(let items): return .int(Int64(items.count))
            case .object(let members): return .int(Int64(members.count))
            default: throw invalid("cannot calculate length of value of type \(TemplateRenderer.kind(of: value))")
            }
        case "join":
            let separator = arguments.isEmpty ? "" : try stringArgument(0)
            guard case .array(let items) = value else { throw invalid("cannot join value of type \(TemplateRenderer.kind(of: value))") }
            return .string(items.map(TemplateValueText.display).joined(separator: separator))
        case "first", "last":
            switch value {
            case .array(let items): return name == "first" ? items.first : items.last
            case .string(let string):
                let scalar = name == "first" ? string.unicodeScalars.first : string.unicodeScalars.last
                return scalar.map { .string(String($0)) }
            default: throw invalid("cannot get \(name) item from value of type \(TemplateRenderer.kind(of: value))")
            }
        case "replace":
            return .string(try text().replacing(try stringArgument(0), with: try stringArgument(1)))
        case "tojson": return .string(TemplateValueText.json(value))
        case "string", "safe": return name == "safe" && value.isString ? value : .string(TemplateValueText.display(value))
        case "int", "float": return try number(value, integer: name == "int", invalid: invalid)
        case "abs":
            switch value {
            case .int(let number) where number != .min: return .int(abs(number))
            case .double(let number): return .double(abs(number))
            default: throw invalid("cannot get absolute value of \(TemplateRenderer.kind(of: value))")
            }
        case "reverse":
            switch value {
            case .array(let items): return .array(items.reversed())
            case .string(let string): return .string(String(String.UnicodeScalarView(string.unicodeScalars.reversed())))
            default: throw invalid("cannot reverse value of type \(TemplateRenderer.kind(of: value))")
            }
        case "dictsort", "items":
            guard case .object(let members) = value else { throw invalid("cannot convert value into pair list") }
            let keys = name == "items"
                ? members.keys.sorted(by: TemplateValueText.keyOrder)
                : members.keys.sorted { a, b in
                    let (left, right) = (a.lowercased(), b.lowercased())
                    return left == right ? TemplateValueText.keyOrder(a, b) : TemplateValueText.keyOrder(left, right)
                }
            return .array(keys.map { .array([.string($0), members[$0]!]) })
        default:
            switch value {
            case .array: return value
            case .string(let string): return .array(string.unicodeScalars.map { .string(String($0)) })
            case .object(let members): return .array(members.keys.sorted(by: TemplateValueText.keyOrder).map(JSONValue.string))
            default: throw invalid("cannot convert value into list")
            }
        }
    }

    static func test(_ name: String, _ input: JSONValue?, arguments: [JSONValue], line: Int) throws(TemplateRenderError) -> Bool {
        switch name {
        case "defined": return input != nil
        case "undefined": return input == nil
        default: break
        }
        guard let value = input else { throw TemplateRenderError("undefined value", line: line) }
        switch (name, value) {
        case ("none", .null): return true
        case ("odd", .int(let number)): return number % 2 != 0
        case ("even", .int(let number)): return number % 2 == 0
        case ("divisibleby", .int(let number)):
            guard case .int(let divisor)? = arguments.first, divisor != 0 else {
                throw TemplateRenderError("invalid operation: divisibleby needs a non-zero integer", line: line)
            }
            return number % divisor == 0
        case ("number", .int), ("number", .double), ("integer", .int), ("float", .double), ("string", .string),
             ("mapping", .object), ("boolean", .bool): return true
        case ("true", .bool(let flag)): return flag
        case ("false", .bool(let flag)): return !flag
        case ("startingwith", .string(let string)), ("endingwith", .string(let string)):
            guard case .string(let part)? = arguments.first else {
                throw TemplateRenderError("invalid operation: \(name) needs a string", line: line)
            }
            return name == "startingwith" ? string.utf8.starts(with: part.utf8) : string.utf8.reversed().starts(with: part.utf8.reversed())
        default: return false
        }
    }

    /// MiniJinja's `title`: a letter or digit after a letter or digit is lowercased, any other is uppercased.
    private static func title(_ string: String) -> String {
        var result = ""
        var afterWord = false
        for scalar in string.unicodeScalars {
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            result += isWord ? (afterWord ? String(scalar).lowercased() : String(scalar).uppercased()) : String(scalar)
            afterWord = isWord
        }
        return result
    }

    private static func trimmed(_ string: String, _ drop: (Unicode.Scalar) -> Bool) -> String {
        var scalars = Substring(string).unicodeScalars[...]
        while let first = scalars.first, drop(first) { scalars.removeFirst() }
        while let last = scalars.last, drop(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func number(
        _ value: JSONValue, integer: Bool, invalid: (String) -> TemplateRenderError
    ) throws(TemplateRenderError) -> JSONValue {
        let parsed: Double
        switch value {
        case .int(let number): return integer ? value : .double(Double(number))
        case .double(let number): parsed = number
        case .bool(let flag): return integer ? .int(flag ? 1 : 0) : .double(flag ? 1 : 0)
        case .string(let string):
            let trimmed = string.trimmingCharacters(in: .whitespaces)
            if integer, let number = Int64(trimmed) { return .int(number) }
            guard let number = Double(trimmed) else { throw invalid("cannot convert \"\(string)\" to \(integer ? "integer" : "float")") }
            parsed = number
        default: throw invalid("cannot convert \(TemplateRenderer.kind(of: value)) to a number")
        }
        guard integer else { return .double(parsed) }
        guard parsed.isFinite, abs(parsed) < 9.2e18 else { throw invalid("cannot convert float to integer") }
        return .int(Int64(parsed.rounded(.towardZero)))
    }
}

extension JSONValue {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
