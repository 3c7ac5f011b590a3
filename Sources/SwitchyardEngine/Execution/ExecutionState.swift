import SwitchyardConfig
import SwitchyardPlan

/// The state machine behind a `RequestExecution`: variant choice, retries and the routing loop, stepped in
/// place by its handle. The best-of-N steps are in `ExecutionState+Candidates.swift`, so what they share with
/// the routing loop is internal rather than private; only `RequestExecution` holds the state, privately.
struct ExecutionState {
    let core: EngineCore
    var request: InferenceRequest
    private var route: FunctionRoute
    private var isPinned: Bool
    var recordingTrace: Bool
    private var u: Double
    var startTime: Nanoseconds
    /// For a candidate: the deadline of the best-of-N / mixture-of-N variant running it, which bounds it too.
    private var outerDeadline: Deadline?
    var attempts = 0
    var backoff: RetryBackoff
    private var activeVariants: VariantSet
    private var variantErrors: [InferenceError.VariantError] = []
    /// The variant being tried and its model; `nil` between variants.
    var variant: VariantRoute?
    var model: ModelRoute?
    /// The state of the current variant's model call.
    var run = VariantRun()
    var stage: Stage = .chooseVariant
    private var pending: ProviderAttempt?
    /// The `.finished` action, once the request is done.
    var finished: EngineAction?
    var trace: [AttemptRecord] = []
    /// The best-of-N / mixture-of-N variant being run, from its candidates' start to its end.
    var round: CandidateRound?

    enum Stage {
        case chooseVariant
        case startModelCall
        case nextProvider
        case awaitingAttempt
        case awaitingCandidates
        case sleeping(until: Nanoseconds)
        case finished
    }

    /// The current variant's deadlines (and when each level started), routing position and retries.
    struct VariantRun {
        var start: Nanoseconds = 0
        var deadline: Deadline?
        var modelStart: Nanoseconds = 0
        var modelDeadline: Deadline?
        var providerDeadline: Deadline?
        var providerIndex = 0
        var providerErrors: [InferenceError.ProviderError] = []
        var retryErrors: [InferenceError] = []
        var retriesUsed = 0
        /// The request's input rendered with the variant's templates, when it needed rendering.
        var renderedPayload: InferencePayload?
    }

    init(
        core: EngineCore, request: consuming InferenceRequest, now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool, outerDeadline: Deadline?
    ) {
        let target = TargetResolution(core: core, request: request)
        self.init(
            core: core, request: request, target: target, now: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace, outerDeadline: outerDeadline
        )
    }

    /// A request whose target `target` is already resolved.
    init(
        core: EngineCore, request: consuming InferenceRequest, target: TargetResolution, now: Nanoseconds, jitterSeed: UInt64,
        recordingTrace: Bool, outerDeadline: Deadline?
    ) {
        route = target.route
        isPinned = request.pinnedVariant != nil
        activeVariants = target.activeVariants
        u = route.draw.uniformValue(for: request.episodeID)
        self.core = core
        self.request = request
        self.recordingTrace = recordingTrace
        startTime = now
        self.outerDeadline = outerDeadline
        backoff = RetryBackoff(seed: jitterSeed)
        if let error = target.error { finish(error: error, at: now) }
    }

    /// Starts over with `prepared` and `episode`, as `init` would with them, changing only what differs from the
    /// finished request: a simulator restarts the same prepared request millions of times. `run` is left as it
    /// is: choosing a variant starts a new one before anything reads it.
    mutating func restart(_ prepared: PreparedRequest, episode: EpisodeID, now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool) {
        precondition(prepared.core === core, "an execution restarted by another engine")
        if !request.sharesStorage(with: prepared.request) { request = prepared.request }
        request.episodeID = episode
        request.stream = prepared.request.stream
        if route !== prepared.target.route { route = prepared.target.route }
        isPinned = request.pinnedVariant != nil
        activeVariants = prepared.target.activeVariants
        u = route.draw.uniformValue(for: episode)
        self.recordingTrace = recordingTrace
        startTime = now
        outerDeadline = nil
        attempts = 0
        backoff = RetryBackoff(seed: jitterSeed)
        if !variantErrors.isEmpty { variantErrors = [] }
        variant = nil
        model = nil
        stage = .chooseVariant
        pending = nil
        finished = nil
        if !trace.isEmpty { trace = [] }
        round = nil
        if let error = prepared.target.error { finish(error: error, at: now) }
    }

    /// The first action (or the pending one).
    mutating func next(at now: Nanoseconds) -> EngineAction {
        advance(now)
    }

    /// Reports the outcome of the pending attempt at time `now`.
    mutating func complete(_ attemptOutcome: consuming AttemptOutcome, at now: Nanoseconds) -> EngineAction {
        guard case .awaitingAttempt = stage, let attempt = pending, variant != nil else { return advance(now) }
        pending = nil
        let deadlines = AttemptClassifier.Deadlines(provider: run.providerDeadline, model: run.modelDeadline, variant: run.deadline)
        let failure = AttemptClassifier.failure(of: attemptOutcome, attempt: attempt, deadlines: deadlines, at: now)
        let credentialUnavailable: Bool
        if case .credentialUnavailable = attemptOutcome { credentialUnavailable = true } else { credentialUnavailable = false }
        if !credentialUnavailable { attempts += 1 }
        if recordingTrace {
            var record = AttemptClassifier.record(attemptOutcome, attempt: attempt, failure: failure, at: now)
            record.within = round?.variant.name
            trace.append(record)
        }
        switch failure {
        case nil:
            guard case .success(let response) = consume attemptOutcome else { return advance(now) }
            succeed(attempt, response: response, at: now)
        case .provider(let error)?:
            if credentialUnavailable, retryWithLaterCredential(attempt) { return advance(now) }
            run.providerErrors.append(.init(provider: attempt.provider.name, error: error))
            run.providerIndex += 1
            stage = .nextProvider
        case .model(let error)?:
            modelCallFailed(error, at: now)
        case .variant(let error)?:
            variantFailed(error, at: now)
        }
        return advance(now)
    }

    /// Ends the request at `now` because its caller stopped waiting: no further attempt, retry or fallback.
    /// A finished request keeps its result.
    mutating func cancel(at now: Nanoseconds) -> EngineAction {
        if case .finished = stage { return advance(now) }
        pending = nil
        finish(error: .cancelled, at: now, variant: round?.variant.name ?? variant?.name)
        round = nil
        variant = nil
        model = nil
        return advance(now)
    }

    /// Continues after a `.sleep`.
    mutating func resume(at now: Nanoseconds) -> EngineAction {
        if case .sleeping = stage, let variant {
            if let deadline = run.deadline, now >= deadline.at {
                variantFailed(deadline.error(for: variant.name, kind: .variant), at: now)
            } else {
                stage = .startModelCall
            }
        }
        return advance(now)
    }

    mutating func advance(_ now: Nanoseconds) -> EngineAction {
        while true {
            switch stage {
            case .finished: return finished!
            case .awaitingAttempt: return .attempt(pending!)
            case .awaitingCandidates: return .candidates(round?.candidates ?? [])
            case .sleeping(let until): return .sleep(until: until)
            case .chooseVariant: chooseVariant(now)
            case .startModelCall: startModelCall(now)
            case .nextProvider: nextProvider(now)
            }
        }
    }

    private mutating func chooseVariant(_ now: Nanoseconds) {
        let number: Int
        if isPinned {
            number = activeVariants.element(at: 0)
        } else {
            switch route.sampler.sample(u, from: activeVariants) {
            case .success(let chosen): number = chosen
            case .failure:
                finish(error: variantErrors.isEmpty ? .noValidVariants(function: route.name) : .allVariantsFailed(variantErrors), at: now)
                return
            }
        }
        activeVariants.remove(number)
        let chosen = route.variants[number]
        if chosen.runsCandidates {
            startCandidates(of: chosen, at: now)
            return
        }
        var renderedPayload: InferencePayload?
        if chosen.hasTemplates || request.payload.hasUnrenderedBlocks {
            switch InputRendering.render(request.payload, for: chosen.plan) {
            case .success(let rendered): renderedPayload = rendered
            case .failure(let error):
                variantFailed(error, at: now, variant: chosen.name)
                return
            }
        }
        if chosen.hasParameters { renderedPayload = (renderedPayload ?? request.payload).backfilled(with: chosen.plan.parameters) }
        guard let chosenModel = chosen.model else {
            variantFailed(.invalidModelName(chosen.plan.model ?? chosen.name), at: now, variant: chosen.name)
            return
        }
        variant = chosen
        model = chosenModel
        run = VariantRun(start: now, deadline: variantDeadline(of: chosen, at: now))
        run.renderedPayload = renderedPayload
        if chosenModel.isShorthand, let provider = chosenModel.providers.first, let failure = core.credentials.lazyLoadFailure(for: provider) {
            variantFailed(failure, at: now)
            return
        }
        stage = .startModelCall
    }

    private mutating func startModelCall(_ now: Nanoseconds) {
        run.providerIndex = 0
        run.providerErrors = []
        run.modelStart = now
        run.modelDeadline = Deadline.earliest(from: now, model!.timeouts, stream: attemptsStream, level: .model)
        stage = .nextProvider
    }

    private mutating func nextProvider(_ now: Nanoseconds) {
        let providers = model!.providers
        guard run.providerIndex < providers.count else {
            modelCallFailed(.allModelProvidersFailed(run.providerErrors), at: now)
            return
        }
        let provider = providers[run.providerIndex]
        switch core.credentials.choose(for: provider, credentials: request.credentials) {
        case .failure(let error):
            skip(provider, because: error, at: now)
        case .success(let choice):
            let stream = attemptsStream
            let providerDeadline = Deadline.earliest(from: now, provider.plan.timeouts, stream: stream, level: .provider)
            run.providerDeadline = providerDeadline
            pending = ProviderAttempt(
                variant: variant!, route: provider, credential: choice.secret, fields: choice.fields, credentialLink: choice.linkIndex,
                isFallbackCredential: choice.isFallback, start: now,
                deadline: Deadline.earliestTime(providerDeadline, run.modelDeadline, run.deadline), stream: stream,
                payload: run.renderedPayload ?? request.payload
            )
            stage = .awaitingAttempt
        }
    }

    /// Moves past `provider`, whose credential this request cannot resolve: no attempt, a skipped trace record.
    private mutating func skip(_ provider: ProviderRoute, because error: InferenceError, at now: Nanoseconds) {
        if recordingTrace {
            trace.append(AttemptRecord(
                variant: variant!.name, model: provider.model, provider: provider.plan.name, credential: nil,
                usedFallbackCredential: false, outcome: .skipped(reason: error.message), start: now, end: now, within: round?.variant.name
            ))
        }
        run.providerErrors.append(.init(provider: provider.plan.name, error: error))
        run.providerIndex += 1
    }

    /// GCP's rule (reference §1.5): any failure of the default credential, a refused token exchange included,
    /// moves to the fallback side of the chain, on the same provider and within the same deadlines.
    private mutating func retryWithLaterCredential(_ attempt: ProviderAttempt) -> Bool {
        let provider = attempt.route
        guard provider.policy.fallsBackOnAnyDefaultError,
              case .success(let choice) = core.credentials.choose(for: provider, credentials: request.credentials, from: attempt.credentialLink + 1)
        else { return false }
        pending = ProviderAttempt(
            variant: variant!, route: provider, credential: choice.secret, fields: choice.fields, credentialLink: choice.linkIndex,
            isFallbackCredential: choice.isFallback, start: attempt.start, deadline: attempt.deadline, stream: attemptsStream,
            payload: run.renderedPayload ?? request.payload
        )
        stage = .awaitingAttempt
        return true
    }

    private mutating func modelCallFailed(_ error: InferenceError, at now: Nanoseconds) {
        run.retryErrors.append(error)
        let plan = variant!.plan
        guard error.isRetryable, run.retriesUsed < plan.numRetries else {
            if round?.isJudging == true {
                judgeFailed(at: now)
            } else {
                variantFailed(run.retryErrors.count > 1 ? .allRetriesFailed(run.retryErrors) : error, at: now)
            }
            return
        }
        let wake = now + backoff.delay(afterRetry: run.retriesUsed, maxDelaySeconds: plan.maxDelaySeconds)
        run.retriesUsed += 1
        stage = .sleeping(until: min(wake, run.deadline?.at ?? wake))
    }

    mutating func variantFailed(_ error: InferenceError, at now: Nanoseconds, variant failedName: String? = nil) {
        var error = error
        var name = failedName ?? variant?.name ?? ""
        if let round {
            // A judge fails its variant only by running out of the variant's time, which is then the variant's error.
            name = round.variant.name
            if round.isJudging, let deadline = run.deadline { error = deadline.error(for: name, kind: .variant) }
            self.round = nil
        }
        variant = nil
        model = nil
        if isPinned {
            finish(error: error, at: now, variant: name)
            return
        }
        variantErrors.append(.init(variant: name, error: error))
        stage = .chooseVariant
    }

    private mutating func succeed(_ attempt: ProviderAttempt, response: consuming ProviderResponse, at now: Nanoseconds) {
        if let round, round.isJudging {
            judgeAnswered(attempt, response: response, round: round, at: now)
            return
        }
        finished = .finished(InferenceResult(
            servedBy: attempt, response: response, episodeID: request.episodeID, start: startTime, end: now, attemptCount: attempts,
            trace: trace, streamDeadline: attemptsStream ? streamDeadline(for: attempt) : nil
        ))
        variant = nil
        model = nil
        stage = .finished
    }

    /// The earliest `streaming.total_ms` of the provider (from the attempt's start), the model (from the model
    /// call's start) and the variant (from the variant's start); on a tie the innermost level's error wins.
    func streamDeadline(for attempt: ProviderAttempt) -> StreamDeadline? {
        guard let variant, let model else { return nil }
        let levels: [(Deadline?, String, Deadline.Level)] = [
            (Deadline.streamingTotal(from: attempt.start, attempt.provider.timeouts), attempt.provider.name, .provider),
            (Deadline.streamingTotal(from: run.modelStart, model.timeouts), model.name, .model),
            (Deadline.streamingTotal(from: run.start, variant.plan.timeouts), variant.name, .variant),
        ]
        var earliest: StreamDeadline?
        for case let (deadline?, name, level) in levels where earliest.map({ deadline.at < $0.at }) ?? true {
            earliest = StreamDeadline(at: deadline.at, error: deadline.error(for: name, kind: level))
        }
        return earliest
    }

    /// The deadline of `variant`'s `timeouts` starting `now`, or the outer variant's when that comes first.
    func variantDeadline(of variant: VariantRoute, at now: Nanoseconds) -> Deadline? {
        Deadline.earlier(Deadline.earliest(from: now, variant.plan.timeouts, stream: request.stream, level: .variant), outerDeadline)
    }

    /// Whether attempts stream: a streaming request's, except a best-of-N evaluator's (its answer is an index).
    var attemptsStream: Bool {
        guard request.stream else { return false }
        return round?.variant.plan.kind != .bestOfN
    }

    private mutating func finish(error: InferenceError, at now: Nanoseconds, variant: String? = nil) {
        finished = .finished(InferenceResult(
            status: error.status, variant: variant, model: nil, provider: nil, credential: nil, usedFallbackCredential: false,
            response: nil, error: error, episodeID: request.episodeID, start: startTime, end: now, attemptCount: attempts, trace: trace
        ))
        stage = .finished
    }
}
