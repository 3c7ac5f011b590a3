import SwitchyardPlan

/// How a candidate's answer is shown to an evaluator or fuser: a chat answer as its content blocks in JSON
/// (`[{"type":"text","text":"…"}]`, as TensorZero serializes them), a JSON function's answer as its raw JSON
/// text, or nothing when that text is not JSON (the candidate is then left out).
enum CandidateOutput {
    static func text(of response: ProviderResponse, jsonFunction: Bool) -> String? {
        guard jsonFunction else { return "[{\"type\":\"text\",\"text\":\(JSONStringLiteral.quoted(response.text))}]" }
        return (try? JSONParser.parse(Array(response.text.utf8))) == nil ? nil : response.text
    }
}
