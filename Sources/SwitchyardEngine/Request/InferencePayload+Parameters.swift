import SwitchyardConfig

extension InferencePayload {
    /// The payload's inference parameters, in the variant's terms.
    var parameters: SamplingParameters {
        SamplingParameters(
            temperature: temperature, topP: topP, maxTokens: maxTokens, presencePenalty: presencePenalty, frequencyPenalty: frequencyPenalty,
            seed: seed, stopSequences: stopSequences, reasoningEffort: reasoningEffort, serviceTier: serviceTier,
            thinkingBudgetTokens: thinkingBudgetTokens, verbosity: verbosity
        )
    }

    /// The payload with a variant's `parameters` filling in what the request left unset, as TensorZero backfills
    /// a request's inference parameters with its variant's.
    func backfilled(with parameters: SamplingParameters) -> InferencePayload {
        var payload = self
        if payload.temperature == nil, let temperature = parameters.temperature { payload.temperature = temperature }
        if payload.topP == nil, let topP = parameters.topP { payload.topP = topP }
        if payload.maxTokens == nil, let maxTokens = parameters.maxTokens { payload.maxTokens = maxTokens }
        if payload.presencePenalty == nil, let presencePenalty = parameters.presencePenalty { payload.presencePenalty = presencePenalty }
        if payload.frequencyPenalty == nil, let frequencyPenalty = parameters.frequencyPenalty { payload.frequencyPenalty = frequencyPenalty }
        if payload.seed == nil, let seed = parameters.seed { payload.seed = seed }
        if payload.stopSequences == nil, let stopSequences = parameters.stopSequences { payload.stopSequences = stopSequences }
        if payload.reasoningEffort == nil, let reasoningEffort = parameters.reasoningEffort { payload.reasoningEffort = reasoningEffort }
        if payload.serviceTier == nil, let serviceTier = parameters.serviceTier { payload.serviceTier = serviceTier }
        if payload.thinkingBudgetTokens == nil, let budget = parameters.thinkingBudgetTokens { payload.thinkingBudgetTokens = budget }
        if payload.verbosity == nil, let verbosity = parameters.verbosity { payload.verbosity = verbosity }
        return payload
    }

    /// The payload without the request's inference parameters: TensorZero runs best-of-N / mixture-of-N
    /// candidates with default parameters (each candidate's variant still fills in its own).
    func withoutParameters() -> InferencePayload {
        guard !parameters.isEmpty else { return self }
        var payload = self
        payload.temperature = nil
        payload.topP = nil
        payload.maxTokens = nil
        payload.presencePenalty = nil
        payload.frequencyPenalty = nil
        payload.seed = nil
        payload.stopSequences = nil
        payload.reasoningEffort = nil
        payload.serviceTier = nil
        payload.thinkingBudgetTokens = nil
        payload.verbosity = nil
        return payload
    }
}
