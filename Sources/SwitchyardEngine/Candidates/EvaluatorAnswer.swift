import SwitchyardPlan

/// Reads a best-of-N evaluator's answer as TensorZero does: the first text (or else the first tool call's
/// arguments) must be a JSON object whose `answer_choice` is a non-negative integer; `nil` otherwise (TensorZero
/// then picks a candidate at random).
enum EvaluatorAnswer {
    static func choice(in response: ProviderResponse) -> Int? {
        let raw = response.text.isEmpty ? response.toolCalls.first?.arguments : response.text
        guard let raw, case .object(let members)? = try? JSONParser.parse(Array(raw.utf8)),
              case .int(let choice)? = members["answer_choice"], choice >= 0, choice <= Int.max
        else { return nil }
        return Int(choice)
    }

    /// The position in the candidate list of the evaluator's `choice` among the candidates it was shown, which
    /// left out those at `skipped` (ascending).
    static func candidateIndex(_ choice: Int, skipped: [Int]) -> Int {
        var index = choice
        for position in skipped where position <= index { index += 1 }
        return index
    }
}
