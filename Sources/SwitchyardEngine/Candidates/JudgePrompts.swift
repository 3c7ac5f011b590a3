/// The texts TensorZero wraps around a best-of-N evaluator's or mixture-of-N fuser's call (its built-in
/// `t0:best_of_n_evaluator_*` and `t0:mixture_of_n_fuser_*` templates, rendered here verbatim).
enum JudgePrompts {
    /// The evaluator's system message around `inner` (the conversation's system message as the evaluator's own
    /// system template renders it), asking for an index from 0 to `maxIndex`.
    static func evaluatorSystem(inner: String?, maxIndex: Int) -> String {
        let problem = inner.map { "You are an assistant tasked with re-ranking candidate answers to the following problem:\n------\n\($0)\n------" }
            ?? "You are an assistant tasked with re-ranking candidate answers to a problem."
        return problem + """

            The messages below are the conversation history between the user and the assistant along with a final message giving a set of candidate responses.
            Please evaluate the following candidate responses and provide your reasoning along with the index of the best candidate in the following JSON format:
            {
                "thinking": "your reasoning here",
                "answer_choice": int  // Range: 0 to \(maxIndex)
            }
            In the "thinking" block:
            First, you should analyze each response itself against the conversation history and determine if it is a good response or not.
            Then you should think out loud about which is best and most faithful to instructions.
            In the "answer_choice" block: you should output the index of the best response.
            """
    }

    /// The evaluator's last user message, listing the candidates' outputs.
    static func evaluatorCandidates(_ outputs: [String]) -> String {
        var text = "Here are the candidate answers (with the index and a row of ------ separating):"
        for (index, output) in outputs.enumerated() { text += "\n\(index): \(output)\n------" }
        return text + "\nPlease evaluate these candidates and provide the index of the best one."
    }

    /// The fuser's system message around `inner`.
    static func fuserSystem(inner: String?) -> String {
        let problem = inner.map { "You have been provided with a set of responses from various models to the following problem:\n------\n\($0)\n------" }
            ?? "You have been provided with a set of responses from various models to the latest user\nquery."
        return problem + """

            Your task is to synthesize these responses into a single, high-quality response. It is crucial to critically evaluate the information provided in these responses, recognizing that some of it may be biased or incorrect. Your response should not simply replicate the given answers but should offer a refined, accurate, and comprehensive reply to the instruction and take the best from all the responses. Ensure your response is well-structured, coherent, and adheres to the highest standards of accuracy and reliability.  Below will be: first, any messages leading up to this point, and then, a final message containing the set of candidate responses.
            """
    }

    /// The fuser's last user message, listing the candidates' outputs.
    static func fuserCandidates(_ outputs: [String]) -> String {
        var text = "Here are the candidate answers (with the index and a row of ------ separating):"
        for (index, output) in outputs.enumerated() { text += "\n\(index):\n\(output)\n------" }
        return text
    }

    /// The JSON Schema of the evaluator's answer, as TensorZero sends it.
    static let evaluatorSchema =
        #"{"type":"object","properties":{"thinking":{"type":"string"},"answer_choice":{"type":"integer"}},"required":["thinking","answer_choice"],"additionalProperties":false}"#
}
