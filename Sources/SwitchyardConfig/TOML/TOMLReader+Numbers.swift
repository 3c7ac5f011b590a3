/// TOML integers (decimal, `0x`, `0o`, `0b`, with `_` separators, 64-bit signed) and floats
/// (fraction, exponent, `inf`, `nan`).
extension TOMLReader {
    /// Reads an integer or a float; the cursor is on its first character (a digit, sign, `i` or `n`).
    mutating func readNumber() throws(TOMLSyntaxError) -> TOMLKind {
        let start = offset
        let sign = peek()
        let isNegative = sign == TOMLByte.minus
        if sign == TOMLByte.plus || isNegative {
            offset += 1
        }
        if lookingAt("inf") {
            offset += 3
            return .float(isNegative ? -Double.infinity : Double.infinity)
        }
        if lookingAt("nan") {
            offset += 3
            return .float(isNegative ? -Double.nan : Double.nan)
        }
        if peek() == TOMLByte.zero, let marker = peek(1), let radix = Self.radix(prefixedBy: marker) {
            guard offset == start else {
                throw error("an integer with a base prefix (0x, 0o, 0b) cannot have a sign", at: start)
            }
            offset += 2
            let digits = try readDigits(radix: radix, after: "the base prefix")
            return .integer(try integerValue(of: digits, radix: radix, isNegative: false, literalStart: start))
        }

        let integerDigits = try readDigits(radix: 10, after: sign.map { _ in "the sign" } ?? "")
        if bytes[integerDigits.lowerBound] == TOMLByte.zero, integerDigits.count > 1 {
            throw error("leading zeros are not allowed in a decimal number", at: integerDigits.lowerBound)
        }
        var isFloat = false
        if peek() == TOMLByte.dot {
            offset += 1
            _ = try readDigits(radix: 10, after: "the decimal point")
            isFloat = true
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == TOMLByte.plus || peek() == TOMLByte.minus {
                offset += 1
            }
            _ = try readDigits(radix: 10, after: "the exponent")
            isFloat = true
        }
        guard isFloat else {
            return .integer(try integerValue(of: integerDigits, radix: 10, isNegative: isNegative, literalStart: start))
        }
        return .float(try floatValue(of: start..<offset))
    }

    /// The radix a `0x` / `0o` / `0b` prefix selects.
    private static func radix(prefixedBy marker: UInt8) -> Int? {
        switch marker {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// Reads one or more digits of `radix`, allowing single underscores between digits.
    /// `context` completes "expected a digit after ..." when there is no digit.
    private mutating func readDigits(radix: Int, after context: String) throws(TOMLSyntaxError) -> Range<Int> {
        let start = offset
        guard let first = peek(), TOMLByte.digitValue(first, radix: radix) != nil else {
            throw unexpected(context.isEmpty ? "a digit" : "a digit after \(context)")
        }
        offset += 1
        while let byte = peek() {
            if TOMLByte.digitValue(byte, radix: radix) != nil {
                offset += 1
            } else if byte == TOMLByte.underscore {
                guard let next = peek(1), TOMLByte.digitValue(next, radix: radix) != nil else {
                    throw error("an underscore in a number must be between two digits")
                }
                offset += 2
            } else {
                break
            }
        }
        return start..<offset
    }

    /// The value of the digits in `range` (underscores skipped), checked against the Int64 range.
    private mutating func integerValue(
        of range: Range<Int>, radix: Int, isNegative: Bool, literalStart: Int
    ) throws(TOMLSyntaxError) -> Int64 {
        var value: Int64 = 0
        let radix = Int64(radix)
        for byte in bytes[range] where byte != TOMLByte.underscore {
            let digit = Int64(TOMLByte.digitValue(byte, radix: Int(radix)) ?? 0)
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: radix)
            let (next, addOverflow) = isNegative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            guard !shiftOverflow, !addOverflow else {
                let literal = string(literalStart..<offset)
                throw error("integer `\(literal)` does not fit in a 64-bit signed integer", at: literalStart)
            }
            value = next
        }
        return value
    }

    /// The value of the float literal in `range` (underscores skipped); must be finite.
    private mutating func floatValue(of range: Range<Int>) throws(TOMLSyntaxError) -> Double {
        let literal = string(range)
        let digits = literal.utf8.contains(TOMLByte.underscore)
            ? String(decoding: literal.utf8.filter { $0 != TOMLByte.underscore }, as: UTF8.self)
            : literal
        guard let value = Double(digits), value.isFinite else {
            throw error("float `\(literal)` is out of range for a 64-bit float", at: range.lowerBound)
        }
        return value
    }
}
