/// The best-of-N and mixture-of-N steps: the candidates' start, their results, and the evaluator or fuser.
extension ExecutionState {
    /// Hands out the candidates of `chosen`, each pinned to its candidate variant and run without streaming.
    mutating func startCandidates(of chosen: VariantRoute, at now: Nanoseconds) {
        variant = chosen
        model = nil
        run = VariantRun(start: now, deadline: variantDeadline(of: chosen, at: now))
        var candidate = request
        candidate.stream = false
        candidate.payload = request.payload.withoutParameters()
        var candidates: [RequestExecution] = []
        for name in chosen.plan.candidates {
            candidate.pinnedVariant = name
            candidates.append(RequestExecution(
                core: core, request: candidate, now: now, jitterSeed: backoff.draw(), recordingTrace: recordingTrace, outerDeadline: run.deadline
            ))
        }
        round = CandidateRound(variant: chosen, candidates: candidates)
        stage = .awaitingCandidates
    }

    /// Reports the candidates' results: their attempts count as this request's; with none successful the variant
    /// fails, with one it is the answer, with more the evaluator or fuser runs.
    mutating func candidatesFinished(_ results: [InferenceResult], at now: Nanoseconds) -> EngineAction {
        guard case .awaitingCandidates = stage, let round else { return advance(now) }
        let (attemptCount, records, errors) = round.collect(results, recordingTrace: recordingTrace)
        attempts += attemptCount
        trace += records
        if let deadline = run.deadline, now >= deadline.at {
            variantFailed(deadline.error(for: round.variant.name, kind: .variant), at: now)
        } else if round.successes.isEmpty {
            variantFailed(.allCandidatesFailed(errors), at: now)
        } else if round.successes.count == 1 {
            finishRound(choosing: round.successes[0], judgeResponse: nil, at: now)
        } else {
            startJudge(at: now)
        }
        return advance(now)
    }

    /// Runs the evaluator or fuser as a model call of its own (its retries, the variant's deadline).
    private mutating func startJudge(at now: Nanoseconds) {
        guard let round, let judge = round.variant.judge, let judgeModel = judge.model,
              case .success(let call) = JudgeRequest.make(
                kind: round.variant.plan.kind, judge: judge.plan, input: request.payload, responses: round.successes.compactMap(\.response)
              )
        else {
            judgeFailed(at: now)
            return
        }
        self.round?.skipped = call.skipped
        self.round?.isJudging = true
        variant = judge
        model = judgeModel
        run.renderedPayload = call.payload
        stage = .startModelCall
    }

    /// The evaluator chose (or, answering badly, left the choice to chance); the fuser's answer is the response.
    mutating func judgeAnswered(_ attempt: ProviderAttempt, response: ProviderResponse, round: CandidateRound, at now: Nanoseconds) {
        guard round.variant.plan.kind == .mixtureOfN else {
            let choice = EvaluatorAnswer.choice(in: response).map { EvaluatorAnswer.candidateIndex($0, skipped: round.skipped) }
            let index = choice.flatMap { $0 < round.successes.count ? $0 : nil } ?? Int(backoff.draw() % UInt64(round.successes.count))
            finishRound(choosing: round.successes[index], judgeResponse: response, at: now)
            return
        }
        endRound(
            model: attempt.model, provider: attempt.provider.name, credential: attempt.credentialLocation,
            usedFallbackCredential: attempt.isFallbackCredential, response: round.totalUsage(on: response, judgeResponse: response),
            streamDeadline: attemptsStream ? streamDeadline(for: attempt) : nil, at: now
        )
    }

    /// The evaluator or fuser failed: TensorZero answers with a candidate drawn at random.
    mutating func judgeFailed(at now: Nanoseconds) {
        guard let round else { return }
        finishRound(choosing: round.successes[Int(backoff.draw() % UInt64(round.successes.count))], judgeResponse: nil, at: now)
    }

    /// Answers with `candidate`'s response under the variant's name, with the usage of every model call summed.
    private mutating func finishRound(choosing candidate: InferenceResult, judgeResponse: ProviderResponse?, at now: Nanoseconds) {
        guard let round, let response = candidate.response else { return }
        endRound(
            model: candidate.model, provider: candidate.provider, credential: candidate.credential,
            usedFallbackCredential: candidate.usedFallbackCredential, response: round.totalUsage(on: response, judgeResponse: judgeResponse),
            at: now
        )
    }

    /// Finishes the request with the round's answer (`response`, usage summed), served as the names say.
    private mutating func endRound(
        model servingModel: String?, provider: String?, credential: String?, usedFallbackCredential: Bool, response: ProviderResponse,
        streamDeadline: StreamDeadline? = nil, at now: Nanoseconds
    ) {
        finished = .finished(InferenceResult(
            status: 200, variant: round?.variant.name, model: servingModel, provider: provider, credential: credential,
            usedFallbackCredential: usedFallbackCredential, response: response, error: nil, episodeID: request.episodeID,
            start: startTime, end: now, attemptCount: attempts, trace: trace, streamDeadline: streamDeadline
        ))
        round = nil
        variant = nil
        model = nil
        stage = .finished
    }
}
