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
        case .string(let text): JSONStringLiteral.quoted(text, htmlSafe: htmlSafe)
        case .array(let items): "[" + items.map { json($0, htmlSafe: htmlSafe) }.joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted(by: Self.keyOrder).map {
                "\(JSONStringLiteral.quoted($0, htmlSafe: htmlSafe)):\(json(members[$0]!, htmlSafe: htmlSafe))"
            }.joined(separator: ",") + "}"
        }
    }

    /// Byte order of UTF-8, as Rust compares strings.
    static func keyOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
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

extension JSONValue {
    /// The value as serde_json's compact text (sorted keys), as TensorZero quotes arguments in messages.
    public var compactText: String {
        TemplateValueText.json(self, htmlSafe: false)
    }
}
