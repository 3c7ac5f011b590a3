/// Splits MiniJinja source into tokens with MiniJinja's default whitespace rules: one trailing newline of
/// the template is dropped (`keep_trailing_newline = false`), blocks keep the text around them
/// (`trim_blocks` and `lstrip_blocks` off), and a `-` inside a delimiter (`{%-`, `-%}`, `{{-`, `-}}`,
/// `{#-`, `-#}`) strips all whitespace, newlines included, on that side. `{% raw %}` bodies are text.
struct TemplateLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var tokens: [TemplateToken] = []
    /// Set by a `-` before a closing delimiter: the next text loses its leading whitespace.
    private var trimNextText = false

    static func tokenize(_ source: String) throws(TemplateSyntaxError) -> [TemplateToken] {
        var bytes = Array(source.utf8)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        var lexer = TemplateLexer(bytes: bytes)
        try lexer.run()
        return lexer.tokens
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var position: TemplatePosition { TemplatePosition(line: line, column: column) }

    private func byte(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
    }

    private mutating func run() throws(TemplateSyntaxError) {
        while index < bytes.count {
            let start = index
            var end = index
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "{") && [UInt8(ascii: "{"), UInt8(ascii: "%"), UInt8(ascii: "#")].contains(bytes[end + 1])) {
                end += 1
            }
            if end + 1 >= bytes.count { end = bytes.count }
            let stripsBefore = end + 2 < bytes.count && bytes[end + 2] == UInt8(ascii: "-")
            emitText(bytes[start..<end], stripTrailing: stripsBefore)
            advance(end - start)
            guard index < bytes.count else { break }
            let opening = position
            let kind = bytes[index + 1]
            advance(2)
            if byte() == UInt8(ascii: "-") || byte() == UInt8(ascii: "+") { advance() }
            switch kind {
            case UInt8(ascii: "#"): try skipComment(opening)
            case UInt8(ascii: "{"):
                tokens.append(TemplateToken(kind: .outputStart, position: opening))
                try lexTag(closer: UInt8(ascii: "}"), opening: opening)
                tokens.append(TemplateToken(kind: .outputEnd, position: position))
            default:
                if try lexRawBlock(opening) { continue }
                tokens.append(TemplateToken(kind: .statementStart, position: opening))
                try lexTag(closer: UInt8(ascii: "%"), opening: opening)
                tokens.append(TemplateToken(kind: .statementEnd, position: position))
            }
        }
    }

    private mutating func emitText(_ slice: ArraySlice<UInt8>, stripTrailing: Bool) {
        var text = slice
        if trimNextText {
            while let first = text.first, Self.isWhitespace(first) { text.removeFirst() }
            trimNextText = false
        }
        if stripTrailing {
            while let last = text.last, Self.isWhitespace(last) { text.removeLast() }
        }
        if !text.isEmpty { tokens.append(TemplateToken(kind: .text(String(decoding: text, as: UTF8.self)), position: position)) }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func skipComment(_ opening: TemplatePosition) throws(TemplateSyntaxError) {
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "#") && bytes[index + 1] == UInt8(ascii: "}")) { advance() }
        guard index + 1 < bytes.count else { throw TemplateSyntaxError("unexpected end of comment", at: opening) }
        trimNextText = index > 0 && bytes[index - 1] == UInt8(ascii: "-")
        advance(2)
    }

    /// `{% raw %}…{% endraw %}`: the body is copied as text. Returns false (and consumes nothing) for any
    /// other statement.
    private mutating func lexRawBlock(_ opening: TemplatePosition) throws(TemplateSyntaxError) -> Bool {
        var probe = index
        while probe < bytes.count, Self.isWhitespace(bytes[probe]) { probe += 1 }
        guard Array(bytes[probe..<min(probe + 3, bytes.count)]) == Array("raw".utf8) else { return false }
        probe += 3
        while probe < bytes.count, Self.isWhitespace(bytes[probe]) { probe += 1 }
        let trimsBody = probe < bytes.count && bytes[probe] == UInt8(ascii: "-")
        if trimsBody { probe += 1 }
        guard probe + 1 < bytes.count, bytes[probe] == UInt8(ascii: "%"), bytes[probe + 1] == UInt8(ascii: "}") else { return false }
        advance(probe + 2 - index)
        let bodyStart = index
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), byte(1) == UInt8(ascii: "%"), let end = endRawTag(at: index + 2) {
                trimNextText = trimsBody
                emitText(bytes[bodyStart..<index], stripTrailing: bytes[index + 2] == UInt8(ascii: "-"))
                trimNextText = bytes[end - 3] == UInt8(ascii: "-")
                advance(end - index)
                return true
            }
            advance()
        }
        throw TemplateSyntaxError("unexpected end of raw block", at: opening)
    }

    /// The index just past `{% endraw %}` when the tag whose `{%` ends before `start` is one.
    private func endRawTag(at start: Int) -> Int? {
        var probe = start
        if probe < bytes.count, bytes[probe] == UInt8(ascii: "-") { probe += 1 }
        while probe < bytes.count, Self.isWhitespace(bytes[probe]) { probe += 1 }
        guard Array(bytes[probe..<min(probe + 6, bytes.count)]) == Array("endraw".utf8) else { return nil }
        probe += 6
        while probe < bytes.count, Self.isWhitespace(bytes[probe]) { probe += 1 }
        if probe < bytes.count, bytes[probe] == UInt8(ascii: "-") { probe += 1 }
        guard probe + 1 < bytes.count, bytes[probe] == UInt8(ascii: "%"), bytes[probe + 1] == UInt8(ascii: "}") else { return nil }
        return probe + 2
    }

    /// Tokens up to the closing `}}` or `%}` (`closer` is its first byte), outside strings and brackets.
    private mutating func lexTag(closer: UInt8, opening: TemplatePosition) throws(TemplateSyntaxError) {
        var depth = 0
        while true {
            while let next = byte(), Self.isWhitespace(next) { advance() }
            guard let current = byte() else {
                let block = closer == UInt8(ascii: "}") ? "variable" : "block"
                throw TemplateSyntaxError("unexpected end of input, expected end of \(block) block", at: opening)
            }
            if depth == 0 {
                if (current == UInt8(ascii: "-") || current == UInt8(ascii: "+")), byte(1) == closer, byte(2) == UInt8(ascii: "}") {
                    trimNextText = current == UInt8(ascii: "-")
                    advance(3)
                    return
                }
                if current == closer, byte(1) == UInt8(ascii: "}") {
                    advance(2)
                    return
                }
            }
            let start = position
            if current == UInt8(ascii: "_") || Self.isLetter(current) {
                let from = index
                while let next = byte(), next == UInt8(ascii: "_") || Self.isLetter(next) || Self.isDigit(next) { advance() }
                tokens.append(TemplateToken(kind: .name(String(decoding: bytes[from..<index], as: UTF8.self)), position: start))
            } else if Self.isDigit(current) {
                tokens.append(TemplateToken(kind: try number(), position: start))
            } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                tokens.append(TemplateToken(kind: .string(try string(quote: current)), position: start))
            } else {
                let pair = byte(1).map { String(decoding: [current, $0], as: UTF8.self) } ?? ""
                let symbol: String
                if ["==", "!=", "<=", ">=", "//", "**"].contains(pair) {
                    symbol = pair
                } else if Array(".|()[]{},:~+-*/%<>=!".utf8).contains(current) {
                    symbol = String(decoding: [current], as: UTF8.self)
                } else {
                    throw TemplateSyntaxError("unexpected character", at: start)
                }
                if symbol == "(" || symbol == "[" || symbol == "{" { depth += 1 }
                if symbol == ")" || symbol == "]" || symbol == "}" { depth -= 1 }
                advance(symbol.utf8.count)
                tokens.append(TemplateToken(kind: .symbol(symbol), position: start))
            }
        }
    }

    private mutating func number() throws(TemplateSyntaxError) -> TemplateToken.Kind {
        let start = position
        var text = ""
        var isFloat = false
        while let next = byte() {
            if Self.isDigit(next) {
                text.append(Character(Unicode.Scalar(next)))
            } else if next == UInt8(ascii: "_") {
                // digit separator
            } else if next == UInt8(ascii: "."), !isFloat, let after = byte(1), Self.isDigit(after) {
                isFloat = true
                text.append(".")
            } else if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                isFloat = true
                text.append("e")
                if let sign = byte(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    advance()
                    text.append(Character(Unicode.Scalar(sign)))
                }
            } else {
                break
            }
            advance()
        }
        if isFloat, let value = Double(text) { return .float(value) }
        if !isFloat, let value = Int64(text) { return .integer(value) }
        throw TemplateSyntaxError("invalid number literal", at: start)
    }

    private mutating func string(quote: UInt8) throws(TemplateSyntaxError) -> String {
        let start = position
        advance()
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while let next = byte() {
            if next == quote {
                advance()
                flush()
                return String(scalars)
            }
            if next == UInt8(ascii: "\\"), let escaped = byte(1) {
                flush()
                advance(2)
                switch escaped {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
                case UInt8(ascii: "u"):
                    let hex = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
                    guard hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw TemplateSyntaxError("invalid unicode escape in string", at: start)
                    }
                    scalars.append(scalar)
                    advance(4)
                default: throw TemplateSyntaxError("invalid escape sequence in string", at: start)
                }
                continue
            }
            run.append(next)
            advance()
        }
        throw TemplateSyntaxError("unexpected end of string", at: start)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
