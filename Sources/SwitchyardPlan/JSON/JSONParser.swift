/// Parses JSON text (RFC 8259) into a `JSONValue`, telling integers from fractions the way they were written
/// (`1` is `.int`, `1.0` is `.double`), so a canonical document reads back to the same bytes.
public struct JSONParser {
    /// Why a document is not JSON, and where (1-based line and column).
    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var column: Int
        public var reason: String

        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    /// Containers open around the current position; bounded so a hostile file cannot exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 512

    /// Parses `bytes` as one JSON document (surrounding whitespace allowed).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the document") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character `\(Character(Unicode.Scalar(bytes[index])))`, expected a value")
        }
    }

    private mutating func object() throws(SyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return leave(.object(members)) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyStart = index
            let key = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected `:` after an object key") }
            skipWhitespace()
            guard members.updateValue(try value(), forKey: key) == nil else {
                index = keyStart
                throw error("duplicate key `\(key)`")
            }
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return leave(.object(members)) }
            guard consume(UInt8(ascii: ",")) else { throw error("expected `,` or `}` in an object") }
        }
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return leave(.array(items)) }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return leave(.array(items)) }
            guard consume(UInt8(ascii: ",")) else { throw error("expected `,` or `]` in an array") }
        }
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        let bytes = self.bytes
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                flush(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(index)
                index += 1
                scalars.append(try escape())
                runStart = index
            case 0..<0x20:
                throw error("control character in a string (write it as an escape)")
            default:
                index += 1
            }
        }
        throw error("unterminated string")
    }

    /// One escape after its backslash.
    private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        guard index < bytes.count else { throw error("unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if (0xD800..<0xDC00).contains(unit) {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else { throw error("unpaired surrogate in `\\u` escape") }
                let low = try hexUnit()
                guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in `\\u` escape") }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw error("unpaired surrogate in `\\u` escape") }
            return scalar
        default:
            index -= 1
            throw error("invalid escape `\\\(Character(Unicode.Scalar(byte)))`")
        }
    }

    private mutating func hexUnit() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count, let unit = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw error("`\\u` needs four hexadecimal digits")
        }
        index += 4
        return unit
    }

    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = index
        var isFraction = false
        _ = consume(UInt8(ascii: "-"))
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            index = integerStart
            throw error("a number cannot start with `0` followed by digits")
        }
        if consume(UInt8(ascii: ".")) {
            isFraction = true
            guard digits() > 0 else { throw error("expected a digit after `.`") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isFraction = true
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isFraction, let integer = Int64(text) { return .int(integer) }
        guard let number = Double(text), number.isFinite else { throw error("number `\(text)` is out of range") }
        return .double(number)
    }

    /// Consumes decimal digits; returns how many.
    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              bytes[index..<index + count].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count)) else {
            throw error("invalid literal, expected `\(word)`")
        }
        index += count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func leave(_ value: JSONValue) -> JSONValue {
        depth -= 1
        return value
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    /// An error at the current position.
    private func error(_ reason: String) -> SyntaxError {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        return SyntaxError(line: line, column: column, reason: reason)
    }
}
