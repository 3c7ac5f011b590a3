/// The four TOML string forms: basic `"..."`, literal `'...'`, and their multi-line `"""` / `'''` variants.
///
/// Strings without escapes (and, for multi-line strings, without CR LF line endings) are made directly
/// from one slice of the document; otherwise the decoded bytes are collected into a buffer.
extension TOMLReader {
    /// Reads a string value in any of the four forms; the cursor is on the opening quote.
    mutating func readStringValue() throws(TOMLSyntaxError) -> String {
        let delimiter = bytes[offset]
        if peek(1) == delimiter, peek(2) == delimiter {
            return try readMultilineString(delimiter: delimiter)
        }
        return delimiter == TOMLByte.quote ? try readBasicString() : try readLiteralString()
    }

    /// Reads a single-line basic string (`"..."` with escapes); the cursor is on the opening quote.
    mutating func readBasicString() throws(TOMLSyntaxError) -> String {
        let openingOffset = offset
        offset += 1
        var decoded: [UInt8] = []
        var hasEscapes = false
        var runStart = offset
        while true {
            guard let byte = peek() else {
                throw unterminatedString(openedAt: location(at: openingOffset))
            }
            switch byte {
            case TOMLByte.quote:
                defer { offset += 1 }
                guard hasEscapes else { return sharedString(runStart..<offset) }
                decoded.append(contentsOf: bytes[runStart..<offset])
                return String(decoding: decoded, as: UTF8.self)
            case TOMLByte.backslash:
                hasEscapes = true
                decoded.append(contentsOf: bytes[runStart..<offset])
                try readEscape(into: &decoded)
                runStart = offset
            case TOMLByte.newline, TOMLByte.carriageReturn:
                if byte == TOMLByte.carriageReturn, peek(1) != TOMLByte.newline {
                    try rejectControlCharacter(byte, escapable: true)
                }
                throw error("unterminated string: a basic string cannot span lines (use \"\"\" for a multi-line string)")
            default:
                try rejectControlCharacter(byte, escapable: true)
                offset += 1
            }
        }
    }

    /// Reads a single-line literal string (`'...'`, no escapes); the cursor is on the opening apostrophe.
    mutating func readLiteralString() throws(TOMLSyntaxError) -> String {
        let openingOffset = offset
        offset += 1
        let start = offset
        while true {
            guard let byte = peek() else {
                throw unterminatedString(openedAt: location(at: openingOffset))
            }
            switch byte {
            case TOMLByte.apostrophe:
                defer { offset += 1 }
                return sharedString(start..<offset)
            case TOMLByte.newline, TOMLByte.carriageReturn:
                if byte == TOMLByte.carriageReturn, peek(1) != TOMLByte.newline {
                    try rejectControlCharacter(byte, escapable: false)
                }
                throw error("unterminated string: a literal string cannot span lines (use ''' for a multi-line string)")
            default:
                try rejectControlCharacter(byte, escapable: false)
                offset += 1
            }
        }
    }

    /// Reads a multi-line string delimited by three `delimiter`s (`"` processes escapes, `'` does not).
    ///
    /// A line ending right after the opening delimiter is dropped, CR LF is read as LF, and up to two
    /// delimiter characters may directly precede the closing delimiter as content.
    private mutating func readMultilineString(delimiter: UInt8) throws(TOMLSyntaxError) -> String {
        let opening = currentLocation()
        let processesEscapes = delimiter == TOMLByte.quote
        offset += 3
        _ = try consumeNewline()
        var decoded: [UInt8] = []
        var usesBuffer = false
        var runStart = offset
        while true {
            guard let byte = peek() else { throw unterminatedString(openedAt: opening) }
            switch byte {
            case delimiter:
                var runLength = 1
                while peek(runLength) == delimiter { runLength += 1 }
                guard runLength >= 3 else {
                    offset += runLength
                    continue
                }
                guard runLength <= 5 else {
                    throw error("a multi-line string cannot contain three or more consecutive `\(Character(Unicode.Scalar(delimiter)))` characters; escape or split them")
                }
                let contentEnd = offset + runLength - 3
                offset += runLength
                guard usesBuffer else { return sharedString(runStart..<contentEnd) }
                decoded.append(contentsOf: bytes[runStart..<contentEnd])
                return String(decoding: decoded, as: UTF8.self)
            case TOMLByte.backslash where processesEscapes:
                usesBuffer = true
                decoded.append(contentsOf: bytes[runStart..<offset])
                if backslashEndsLine() {
                    try skipWhitespaceAndNewlines()
                } else {
                    try readEscape(into: &decoded)
                }
                runStart = offset
            case TOMLByte.newline:
                offset += 1
                startLine(at: offset)
            case TOMLByte.carriageReturn:
                usesBuffer = true
                decoded.append(contentsOf: bytes[runStart..<offset])
                decoded.append(TOMLByte.newline)
                _ = try consumeNewline()
                runStart = offset
            default:
                try rejectControlCharacter(byte, escapable: processesEscapes)
                offset += 1
            }
        }
    }

    // MARK: Escapes

    /// Decodes the escape sequence at the cursor (on the backslash) and appends its UTF-8 bytes.
    private mutating func readEscape(into decoded: inout [UInt8]) throws(TOMLSyntaxError) {
        let escapeOffset = offset
        offset += 1
        guard let byte = peek() else { throw unexpected("an escape sequence") }
        offset += 1
        switch byte {
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case TOMLByte.quote, TOMLByte.backslash: decoded.append(byte)
        case UInt8(ascii: "u"): try readUnicodeEscape(digitCount: 4, escapeOffset: escapeOffset, into: &decoded)
        case UInt8(ascii: "U"): try readUnicodeEscape(digitCount: 8, escapeOffset: escapeOffset, into: &decoded)
        default:
            let shown = (0x21...0x7E).contains(byte)
                ? "`\\\(Character(Unicode.Scalar(byte)))`"
                : "(backslash followed by \(describeCharacter(at: offset - 1)))"
            throw error("invalid escape sequence \(shown); valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX", at: escapeOffset)
        }
    }

    /// Reads the hex digits of `\uXXXX` / `\UXXXXXXXX` and appends the scalar's UTF-8 bytes.
    private mutating func readUnicodeEscape(
        digitCount: Int, escapeOffset: Int, into decoded: inout [UInt8]
    ) throws(TOMLSyntaxError) {
        var value: UInt32 = 0
        for _ in 0..<digitCount {
            guard let byte = peek(), let digit = TOMLByte.digitValue(byte, radix: 16) else {
                throw unexpected("\(digitCount) hexadecimal digits in a unicode escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            let text = string(escapeOffset..<offset)
            throw error("escape `\(text)` is not a Unicode scalar value", at: escapeOffset)
        }
        UTF8.encode(scalar) { decoded.append($0) }
    }

    /// Whether the backslash at the cursor is followed only by spaces or tabs up to the end of the line.
    private func backslashEndsLine() -> Bool {
        var distance = 1
        while let byte = peek(distance), byte == TOMLByte.space || byte == TOMLByte.tab {
            distance += 1
        }
        return peek(distance) == TOMLByte.newline || peek(distance) == TOMLByte.carriageReturn
    }

    /// After a line-ending backslash: skips the backslash and all following whitespace and line endings.
    private mutating func skipWhitespaceAndNewlines() throws(TOMLSyntaxError) {
        offset += 1
        repeat {
            skipSpaces()
        } while try consumeNewline()
    }

    // MARK: Errors

    private mutating func rejectControlCharacter(_ byte: UInt8, escapable: Bool) throws(TOMLSyntaxError) {
        if TOMLByte.isForbiddenControl(byte) {
            let advice = escapable ? "; write it as an escape sequence" : ""
            throw error("\(TOMLByte.describeControl(byte)) is not allowed in a string\(advice)")
        }
    }

    private mutating func unterminatedString(openedAt opening: SourceLocation) -> TOMLSyntaxError {
        error("unterminated string (opened at \(opening.line):\(opening.column))")
    }
}
