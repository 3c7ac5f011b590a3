import SwitchyardConfig
import SwitchyardPlan

/// One request in flight: a state machine over variant choice, retries and the routing loop.
///
/// Call `next(at:)` for the first action; after an `.attempt`, report its outcome with `complete(_:at:)`;
/// after a `.sleep`, call `resume(at:)`. Each returns the following action. `cancel(at:)` ends the request
/// wherever it is, when its caller has gone away.
///
/// A streaming attempt succeeds when its first chunk arrives: the request is then committed to that provider,
/// and the result carries the `streaming.total_ms` deadline the rest of the stream must meet.
public struct RequestExecution: Sendable {
    private let core: EngineCore
    private let request: InferenceRequest
    private let route: FunctionRoute
    private let isPinned: Bool
    private let recordingTrace: Bool
    private let u: Double
    private let startTime: Nanoseconds
    private var attempts = 0
    private var backoff: RetryBackoff
    private var activeVariants: [Int]
    private var variantErrors: [InferenceError.VariantError] = []
    private var current: VariantRun?
    private var stage: Stage = .chooseVariant
    private var pending: ProviderAttempt?
    private var outcome: InferenceResult?
    private var trace: [AttemptRecord] = []

    private enum Stage: Sendable {
        case chooseVariant
        case startModelCall
        case nextProvider
        case awaitingAttempt
        case sleeping(until: Nanoseconds)
        case finished
    }

    /// The variant being tried: its model call, retries and deadlines.
    private struct VariantRun: Sendable {
        var variant: VariantRoute
        var model: ModelRoute
        var start: Nanoseconds
        var deadline: Deadline?
        var modelStart: Nanoseconds = 0
        var modelDeadline: Deadline?
        var providerDeadline: Deadline?
        var providerIndex = 0
        var providerErrors: [InferenceError.ProviderError] = []
        var retryErrors: [InferenceError] = []
        var retriesUsed = 0
    }

    init(core: EngineCore, request: InferenceRequest, now: Nanoseconds, jitterSeed: UInt64, recordingTrace: Bool) {
        self.core = core
        self.request = request
        self.recordingTrace = recordingTrace
        startTime = now
        backoff = RetryBackoff(seed: jitterSeed)
        let target = TargetResolution(core: core, request: request)
        route = target.route
        isPinned = request.pinnedVariant != nil
        activeVariants = target.activeVariants
        u = EpisodeDraw.uniformValue(functionName: route.name, episode: request.episodeID)
        if let error = target.error { finish(error: error, at: now) }
    }

    /// The first action (or the pending one).
    public mutating func next(at now: Nanoseconds) -> EngineAction {
        advance(now)
    }

    /// Reports the outcome of the pending attempt at time `now`.
    public mutating func complete(_ attemptOutcome: AttemptOutcome, at now: Nanoseconds) -> EngineAction {
        guard case .awaitingAttempt = stage, let attempt = pending, current != nil else { return advance(now) }
        pending = nil
        let deadlines = AttemptClassifier.Deadlines(provider: current!.providerDeadline, model: current!.modelDeadline, variant: current!.deadline)
        let failure = AttemptClassifier.failure(of: attemptOutcome, attempt: attempt, deadlines: deadlines, at: now)
        attempts += 1
        if recordingTrace { trace.append(AttemptClassifier.record(attemptOutcome, attempt: attempt, failure: failure, at: now)) }
        switch failure {
        case nil:
            guard case .success(let response) = attemptOutcome else { return advance(now) }
            succeed(attempt, response: response, at: now)
        case .provider(let error)?:
            current!.providerErrors.append(.init(provider: attempt.provider.name, error: error))
            current!.providerIndex += 1
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
    public mutating func cancel(at now: Nanoseconds) -> EngineAction {
        if case .finished = stage { return advance(now) }
        pending = nil
        finish(error: .cancelled, at: now, variant: current?.variant.name)
        current = nil
        return advance(now)
    }

    /// Continues after a `.sleep`.
    public mutating func resume(at now: Nanoseconds) -> EngineAction {
        if case .sleeping = stage, let run = current {
            if let deadline = run.deadline, now >= deadline.at {
                variantFailed(deadline.error(for: run.variant.name, kind: .variant), at: now)
            } else {
                stage = .startModelCall
            }
        }
        return advance(now)
    }

    private mutating func advance(_ now: Nanoseconds) -> EngineAction {
        while true {
            switch stage {
            case .finished: return .finished(outcome!)
            case .awaitingAttempt: return .attempt(pending!)
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
            number = activeVariants[0]
        } else {
            switch route.sampler.sample(u, from: activeVariants) {
            case .success(let chosen): number = chosen
            case .failure:
                finish(error: variantErrors.isEmpty ? .noValidVariants(function: route.name) : .allVariantsFailed(variantErrors), at: now)
                return
            }
        }
        if let index = activeVariants.firstIndex(of: number) { activeVariants.remove(at: index) }
        let variant = route.variants[number]
        guard let model = variant.model else {
            variantFailed(.invalidModelName(variant.plan.model ?? variant.name), at: now, variant: variant.name)
            return
        }
        let deadline = Deadline.earliest(from: now, variant.plan.timeouts, stream: request.stream, level: .variant)
        current = VariantRun(variant: variant, model: model, start: now, deadline: deadline)
        if model.isShorthand, let provider = model.providers.first, let failure = core.credentials.lazyLoadFailure(for: provider) {
            variantFailed(failure, at: now)
            return
        }
        stage = .startModelCall
    }

    private mutating func startModelCall(_ now: Nanoseconds) {
        current!.providerIndex = 0
        current!.providerErrors = []
        current!.modelStart = now
        current!.modelDeadline = Deadline.earliest(from: now, current!.model.timeouts, stream: request.stream, level: .model)
        stage = .nextProvider
    }

    private mutating func nextProvider(_ now: Nanoseconds) {
        let index = current!.providerIndex
        let providers = current!.model.providers
        guard index < providers.count else {
            modelCallFailed(.allModelProvidersFailed(current!.providerErrors), at: now)
            return
        }
        let provider = providers[index]
        switch core.credentials.choose(for: provider, request: request) {
        case .failure(let error):
            if recordingTrace {
                trace.append(AttemptRecord(
                    variant: current!.variant.name, model: provider.model, provider: provider.plan.name, credential: nil,
                    usedFallbackCredential: false, outcome: .skipped(reason: error.message), start: now, end: now
                ))
            }
            current!.providerErrors.append(.init(provider: provider.plan.name, error: error))
            current!.providerIndex += 1
        case .success(let choice):
            let providerDeadline = Deadline.earliest(from: now, provider.plan.timeouts, stream: request.stream, level: .provider)
            current!.providerDeadline = providerDeadline
            let deadline = Deadline.earliestTime(providerDeadline, current!.modelDeadline, current!.deadline)
            pending = ProviderAttempt(
                variant: current!.variant.name, route: provider, credential: choice.secret,
                credentialLocation: provider.locationNames[choice.linkIndex], isFallbackCredential: choice.isFallback,
                start: now, deadline: deadline, stream: request.stream, payload: request.payload
            )
            stage = .awaitingAttempt
        }
    }

    private mutating func modelCallFailed(_ error: InferenceError, at now: Nanoseconds) {
        current!.retryErrors.append(error)
        guard error.isRetryable, current!.retriesUsed < current!.variant.plan.numRetries else {
            let errors = current!.retryErrors
            variantFailed(errors.count > 1 ? .allRetriesFailed(errors) : error, at: now)
            return
        }
        let wake = now + backoff.delay(afterRetry: current!.retriesUsed, maxDelaySeconds: current!.variant.plan.maxDelaySeconds)
        current!.retriesUsed += 1
        stage = .sleeping(until: min(wake, current!.deadline?.at ?? wake))
    }

    private mutating func variantFailed(_ error: InferenceError, at now: Nanoseconds, variant: String? = nil) {
        let name = variant ?? current?.variant.name ?? ""
        current = nil
        if isPinned {
            finish(error: error, at: now, variant: name)
            return
        }
        variantErrors.append(.init(variant: name, error: error))
        stage = .chooseVariant
    }

    private mutating func succeed(_ attempt: ProviderAttempt, response: ProviderResponse, at now: Nanoseconds) {
        outcome = InferenceResult(
            status: 200, variant: attempt.variant, model: attempt.model, provider: attempt.provider.name,
            credential: attempt.credentialLocation, usedFallbackCredential: attempt.isFallbackCredential,
            response: response, error: nil, episodeID: request.episodeID, start: startTime, end: now, attemptCount: attempts, trace: trace,
            streamDeadline: request.stream ? streamDeadline(for: attempt) : nil
        )
        current = nil
        stage = .finished
    }

    /// The earliest `streaming.total_ms` of the provider (from the attempt's start), the model (from the model
    /// call's start) and the variant (from the variant's start); on a tie the innermost level's error wins.
    private func streamDeadline(for attempt: ProviderAttempt) -> StreamDeadline? {
        guard let run = current else { return nil }
        let levels: [(Deadline?, String, Deadline.Level)] = [
            (Deadline.streamingTotal(from: attempt.start, attempt.provider.timeouts), attempt.provider.name, .provider),
            (Deadline.streamingTotal(from: run.modelStart, run.model.timeouts), run.model.name, .model),
            (Deadline.streamingTotal(from: run.start, run.variant.plan.timeouts), run.variant.name, .variant),
        ]
        var earliest: StreamDeadline?
        for case let (deadline?, name, level) in levels where earliest.map({ deadline.at < $0.at }) ?? true {
            earliest = StreamDeadline(at: deadline.at, error: deadline.error(for: name, kind: level))
        }
        return earliest
    }

    private mutating func finish(error: InferenceError, at now: Nanoseconds, variant: String? = nil) {
        outcome = InferenceResult(
            status: error.status, variant: variant, model: nil, provider: nil, credential: nil, usedFallbackCredential: false,
            response: nil, error: error, episodeID: request.episodeID, start: startTime, end: now, attemptCount: attempts, trace: trace
        )
        stage = .finished
    }
}
