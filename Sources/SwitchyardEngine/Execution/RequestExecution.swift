import SwitchyardConfig
import SwitchyardPlan

/// One request in flight: a state machine over variant choice, retries and the routing loop.
///
/// Call `next()` for the first action; after an `.attempt`, report its outcome with `complete(_:at:)`;
/// after a `.sleep`, call `resume(at:)`. Both return the following action.
public struct RequestExecution: Sendable {
    private let core: EngineCore
    private let request: InferenceRequest
    private let route: FunctionRoute
    private let isPinned: Bool
    private let recordingTrace: Bool
    private var attempts = 0
    private let u: Double
    private var backoff: RetryBackoff
    private var activeVariants: [String]
    private var variantErrors: [InferenceError.VariantError] = []
    private var current: VariantRun?
    private var stage: Stage
    private var trace: [AttemptRecord] = []
    private let startTime: Nanoseconds

    private enum Stage: Sendable {
        case chooseVariant
        case startModelCall
        case nextProvider
        case awaitingAttempt(ProviderAttempt)
        case sleeping(until: Nanoseconds)
        case finished(InferenceResult)
    }

    /// The variant being tried: its model call, retries and deadlines.
    private struct VariantRun: Sendable {
        var name: String
        var plan: VariantPlan
        var model: ModelPlan
        var deadline: Deadline?
        var modelDeadline: Deadline?
        var providerIndex = 0
        var providerErrors: [InferenceError.ProviderError] = []
        var retryErrors: [InferenceError] = []
        var retriesUsed = 0
        var pendingProviderDeadline: Deadline?
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
        stage = .chooseVariant
        if let error = target.error {
            stage = .finished(result(error: error, at: now))
        }
    }

    /// The first action (or the pending one).
    public mutating func next(at now: Nanoseconds) -> EngineAction {
        advance(now)
    }

    /// Reports the outcome of the pending attempt at time `now`.
    public mutating func complete(_ outcome: AttemptOutcome, at now: Nanoseconds) -> EngineAction {
        guard case .awaitingAttempt(let attempt) = stage, var run = current else { return advance(now) }
        let deadlines = AttemptClassifier.Deadlines(provider: run.pendingProviderDeadline, model: run.modelDeadline, variant: run.deadline)
        let (record, failure) = AttemptClassifier.classify(outcome, attempt: attempt, deadlines: deadlines, at: now)
        attempts += 1
        if recordingTrace { trace.append(record) }
        guard let failure else {
            stage = .finished(success(attempt, at: now))
            return advance(now)
        }
        switch failure {
        case .provider(let providerError):
            run.providerErrors.append(.init(provider: attempt.provider.name, error: providerError))
            run.providerIndex += 1
            current = run
            stage = .nextProvider
        case .model(let modelError):
            current = run
            modelCallFailed(modelError, at: now)
        case .variant(let variantError):
            current = run
            variantFailed(variantError, at: now)
        }
        return advance(now)
    }

    /// Continues after a `.sleep`.
    public mutating func resume(at now: Nanoseconds) -> EngineAction {
        if case .sleeping = stage {
            if let run = current, let deadline = run.deadline, now >= deadline.at {
                variantFailed(deadline.error(for: run.name, kind: .variant), at: now)
            } else {
                stage = .startModelCall
            }
        }
        return advance(now)
    }

    private mutating func advance(_ now: Nanoseconds) -> EngineAction {
        while true {
            switch stage {
            case .finished(let result): return .finished(result)
            case .awaitingAttempt(let attempt): return .attempt(attempt)
            case .sleeping(let until): return .sleep(until: until)
            case .chooseVariant: chooseVariant(now)
            case .startModelCall: startModelCall(now)
            case .nextProvider: nextProvider(now)
            }
        }
    }

    private mutating func chooseVariant(_ now: Nanoseconds) {
        let name: String
        if isPinned, let pinned = activeVariants.first {
            name = pinned
        } else {
            switch route.sampler.sample(u, from: activeVariants) {
            case .success(let chosen): name = chosen
            case .failure:
                let error: InferenceError = variantErrors.isEmpty ? .noValidVariants(function: route.name) : .allVariantsFailed(variantErrors)
                stage = .finished(result(error: error, at: now))
                return
            }
        }
        activeVariants.removeAll { $0 == name }
        guard let plan = route.variants[name], let modelName = plan.model ?? plan.judgeModel, let model = core.model(named: modelName) else {
            variantFailed(.invalidModelName(route.variants[name]?.model ?? name), at: now, variant: name)
            return
        }
        let deadline = Deadline.earliest(from: now, plan.timeouts, stream: request.stream, level: .variant)
        current = VariantRun(name: name, plan: plan, model: model, deadline: deadline)
        if model.isShorthand, let provider = model.routing.first, let failure = core.credentials.lazyLoadFailure(for: provider) {
            variantFailed(failure, at: now)
            return
        }
        stage = .startModelCall
    }

    private mutating func startModelCall(_ now: Nanoseconds) {
        guard var run = current else { return }
        run.providerIndex = 0
        run.providerErrors = []
        run.modelDeadline = Deadline.earliest(from: now, run.model.timeouts, stream: request.stream, level: .model)
        current = run
        stage = .nextProvider
    }

    private mutating func nextProvider(_ now: Nanoseconds) {
        guard var run = current else { return }
        guard run.providerIndex < run.model.routing.count else {
            modelCallFailed(.allModelProvidersFailed(run.providerErrors), at: now)
            return
        }
        let provider = run.model.routing[run.providerIndex]
        switch core.credentials.choose(for: provider, request: request) {
        case .failure(let error):
            if recordingTrace {
                trace.append(AttemptRecord(
                    variant: run.name, model: run.model.name, provider: provider.name, credential: nil, usedFallbackCredential: false,
                    outcome: .skipped(reason: error.message), start: now, end: now
                ))
            }
            run.providerErrors.append(.init(provider: provider.name, error: error))
            run.providerIndex += 1
            current = run
        case .success(let choice):
            let providerDeadline = Deadline.earliest(from: now, provider.timeouts, stream: request.stream, level: .provider)
            let deadline = [providerDeadline, run.modelDeadline, run.deadline].compactMap { $0?.at }.min()
            stage = .awaitingAttempt(ProviderAttempt(
                variant: run.name, model: run.model.name, provider: provider, credential: choice.secret,
                credentialLocation: choice.location, isFallbackCredential: choice.isFallback, start: now,
                deadline: deadline, stream: request.stream
            ))
            run.pendingProviderDeadline = providerDeadline
            current = run
        }
    }

    private mutating func modelCallFailed(_ error: InferenceError, at now: Nanoseconds) {
        guard var run = current else { return }
        run.retryErrors.append(error)
        guard error.isRetryable, run.retriesUsed < run.plan.numRetries else {
            let final = run.retryErrors.count > 1 ? InferenceError.allRetriesFailed(run.retryErrors) : error
            current = run
            variantFailed(final, at: now)
            return
        }
        let wake = now + backoff.delay(afterRetry: run.retriesUsed, maxDelaySeconds: run.plan.maxDelaySeconds)
        run.retriesUsed += 1
        current = run
        stage = .sleeping(until: min(wake, run.deadline?.at ?? wake))
    }

    private mutating func variantFailed(_ error: InferenceError, at now: Nanoseconds, variant: String? = nil) {
        let name = variant ?? current?.name ?? ""
        if isPinned {
            stage = .finished(result(error: error, at: now, variant: name))
            return
        }
        variantErrors.append(.init(variant: name, error: error))
        current = nil
        stage = .chooseVariant
    }

    private func success(_ attempt: ProviderAttempt, at now: Nanoseconds) -> InferenceResult {
        InferenceResult(
            status: 200, variant: attempt.variant, model: attempt.model, provider: attempt.provider.name,
            credential: attempt.credentialLocation.description, usedFallbackCredential: attempt.isFallbackCredential,
            error: nil, episodeID: request.episodeID, start: startTime, end: now, attemptCount: attempts, trace: trace
        )
    }

    private func result(error: InferenceError, at now: Nanoseconds, variant: String? = nil) -> InferenceResult {
        InferenceResult(
            status: error.status, variant: variant, model: nil, provider: nil, credential: nil, usedFallbackCredential: false,
            error: error, episodeID: request.episodeID, start: startTime, end: now, attemptCount: attempts, trace: trace
        )
    }
}
