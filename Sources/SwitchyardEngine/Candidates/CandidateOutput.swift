import SwitchyardPlan

/// How a candidate's answer is shown to an evaluator or fuser: a chat answer as its content blocks in JSON
/// (`[{"type":"text","text":"…"}]`, as TensorZero serializes them), a JSON function's answer as its raw JSON
/// text, or nothing when that text is not JSON (the candidate is then left out).
enum CandidateOutput {
    static func text(of response: ProviderResponse, jsonFunction: Bool) -> String? {
        guard jsonFunction else { return "[{\"type\":\"text\",\"text\":\(quoted(response.text))}]" }
        return (try? JSONParser.parse(Array(response.text.utf8))) == nil ? nil : response.text
    }

    /// `text` as a JSON string literal, escaped as serde_json escapes it.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
