/// Text as a JSON string literal, escaped as serde_json (and so TensorZero and MiniJinja's `tojson`) escapes it:
/// quotes, backslashes and control characters only, control characters without a short form as `\u00XX`.
public enum JSONStringLiteral {
    /// `text` quoted; `htmlSafe` also escapes `<`, `>`, `&` and `'`, as MiniJinja's `tojson` does.
    public static func quoted(_ text: String, htmlSafe: Bool = false) -> String {
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
}
