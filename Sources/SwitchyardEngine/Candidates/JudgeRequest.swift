import SwitchyardConfig
import SwitchyardPlan

/// The call a best-of-N evaluator or mixture-of-N fuser makes once its candidates have answered: the
/// conversation rendered with the judge's own templates, the judge's system message wrapped in TensorZero's
/// instructions, and a last user message listing the candidates.
struct JudgeRequest {
    /// What the judge's model is sent.
    var payload: InferencePayload
    /// Positions of the candidates left out of the listing (JSON answers that are not JSON), ascending.
    var skipped: [Int]

    /// The request for `judge` of a variant of `kind` over the successful candidates' `responses`, or the error
    /// that stops the judge from running (TensorZero then falls back on a random candidate).
    static func make(
        kind: VariantConfig.Kind, judge: VariantPlan, input: InferencePayload, responses: [ProviderResponse]
    ) -> Result<JudgeRequest, InferenceError> {
        let jsonFunction = input.jsonOutput != nil
        var outputs: [String] = []
        var skipped: [Int] = []
        for (index, response) in responses.enumerated() {
            if let output = CandidateOutput.text(of: response, jsonFunction: jsonFunction) { outputs.append(output) } else { skipped.append(index) }
        }
        guard !outputs.isEmpty else { return .failure(.invalidMessage("No valid candidates available to prepare request.")) }
        let rendered: InferencePayload
        switch InputRendering.render(input, for: judge) {
        case .success(let payload): rendered = payload
        case .failure(let error): return .failure(error)
        }
        guard input.extraBody.isEmpty else {
            let type = kind == .bestOfN ? "best_of_n" : "mixture_of_n"
            return .failure(.invalidMessage("Inference-level `extra_body` is not yet supported for \(type) variant"))
        }
        var payload = InferencePayload()
        payload.messages = rendered.messages
        if kind == .bestOfN {
            payload.system = JudgePrompts.evaluatorSystem(inner: rendered.system, maxIndex: outputs.count - 1)
            payload.messages.append(.init(role: .user, text: [JudgePrompts.evaluatorCandidates(outputs)]))
            payload.jsonOutput = JSONOutputSettings(mode: judge.jsonMode ?? "strict", schema: JudgePrompts.evaluatorSchema)
        } else {
            payload.system = JudgePrompts.fuserSystem(inner: rendered.system)
            payload.messages.append(.init(role: .user, text: [JudgePrompts.fuserCandidates(outputs)]))
            payload.extraHeaders = input.extraHeaders
            payload.tools = input.tools
            payload.jsonOutput = input.jsonOutput.map { JSONOutputSettings(mode: judge.jsonMode, schema: $0.schema) }
        }
        return .success(JudgeRequest(payload: payload.backfilled(with: judge.parameters), skipped: skipped))
    }
}
