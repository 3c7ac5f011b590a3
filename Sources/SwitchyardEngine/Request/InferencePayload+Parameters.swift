import SwitchyardConfig

extension InferencePayload {
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
        return payload
    }

    /// The payload without the request's inference parameters: TensorZero runs best-of-N / mixture-of-N
    /// candidates with default parameters (each candidate's variant still fills in its own).
    func withoutParameters() -> InferencePayload {
        guard temperature != nil || topP != nil || maxTokens != nil || presencePenalty != nil || frequencyPenalty != nil || seed != nil
            || stopSequences != nil
        else { return self }
        var payload = self
        payload.temperature = nil
        payload.topP = nil
        payload.maxTokens = nil
        payload.presencePenalty = nil
        payload.frequencyPenalty = nil
        payload.seed = nil
        payload.stopSequences = nil
        return payload
    }
}
