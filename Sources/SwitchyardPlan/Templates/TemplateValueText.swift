/// How MiniJinja turns values into text: `{{ value }}` (`display`), the quoted form used inside lists
/// and maps (`representation`), and the `tojson` filter (`json`, serde_json's compact form with
/// `<`, `>`, `&` and `'` escaped, as MiniJinja does). Maps are written in key order, as serde_json's
/// default (sorted) maps are.
enum TemplateValueText {
    static func display(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        default: representation(value)
        }
    }

    static func representation(_ value: JSONValue) -> String {
        switch value {
        case .null: "none"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): display(number)
        case .string(let text): quoted(text)
        case .array(let items): "[" + items.map(representation).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.keys.sorted(by: Self.keyOrder).map { "\(quoted($0)): \(representation(members[$0]!))" }.joined(separator: ", ") + "}"
        }
    }

    /// Rust's `Display` for `f64` (plain decimal, never an exponent), with `.0` added to whole numbers.
    static func display(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "NaN" : (number < 0 ? "-inf" : "inf") }
        let decimal = DecimalDigits(number)
        let plain = decimal.plain()
        return number.rounded(.towardZero) == number ? plain + ".0" : plain
    }

    /// serde_json's (ryu's) formatting of `f64`.
    static func json(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return DecimalDigits(number).shortest()
    }

    /// Compact JSON with sorted keys; `htmlSafe` escapes `<`, `>`, `&` and `'` (MiniJinja's `tojson`).
    static func json(_ value: JSONValue, htmlSafe: Bool = true) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): json(number)
        case .string(let text): jsonString(text, htmlSafe: htmlSafe)
        case .array(let items): "[" + items.map { json($0, htmlSafe: htmlSafe) }.joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted(by: Self.keyOrder).map {
                "\(jsonString($0, htmlSafe: htmlSafe)):\(json(members[$0]!, htmlSafe: htmlSafe))"
            }.joined(separator: ",") + "}"
        }
    }

    /// Byte order of UTF-8, as Rust compares strings.
    static func keyOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func jsonString(_ text: String, htmlSafe: Bool) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "<" where htmlSafe: result += "\\u003c"
            case ">" where htmlSafe: result += "\\u003e"
            case "&" where htmlSafe: result += "\\u0026"
            case "'" where htmlSafe: result += "\\u0027"
            default:
                if scalar.value < 0x20 {
                    result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A string as MiniJinja quotes it inside a list or map (Rust's escaping).
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// A finite double's shortest round-trip digits and where its decimal point goes.
struct DecimalDigits {
    var negative: Bool
    /// Significant digits, no leading or trailing zeros ("0" for zero).
    var digits: [Character]
    /// How many digits come before the decimal point (may be negative or beyond `digits.count`).
    var point: Int

    init(_ number: Double) {
        negative = number.sign == .minus
        var text = "\(abs(number))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        let fraction = parts.count > 1 ? Array(parts[1]) : []
        var all = whole + fraction
        var point = whole.count + exponent
        while all.count > 1, all.first == "0" {
            all.removeFirst()
            point -= 1
        }
        while all.count > 1, all.last == "0" { all.removeLast() }
        if all == ["0"] { point = 1 }
        digits = all
        self.point = point
    }

    /// Plain decimal notation.
    func plain() -> String {
        var text = negative ? "-" : ""
        if point <= 0 {
            text += "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            text += String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            text += String(digits[..<point]) + "." + String(digits[point...])
        }
        return text
    }

    /// ryu's choice: plain notation for points in -5…21, otherwise `d.ddde±x`; whole numbers end in `.0`.
    func shortest() -> String {
        let sign = negative ? "-" : ""
        if point > 0, point <= 21 {
            if point >= digits.count { return plain() + ".0" }
            return plain()
        }
        if point > -6, point <= 0 { return plain() }
        let mantissa = digits.count == 1 ? String(digits) : String(digits[0]) + "." + String(digits[1...])
        return sign + mantissa + "e" + String(point - 1)
    }
}

extension JSONValue {
    /// The value as serde_json's compact text (sorted keys), as TensorZero quotes arguments in messages.
    public var compactText: String {
        TemplateValueText.json(self, htmlSafe: false)
    }
}
