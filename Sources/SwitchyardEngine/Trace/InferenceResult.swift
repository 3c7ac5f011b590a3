/// How a request ended, with every step it took. Immutable and shared by reference: drivers, reports and
/// traces pass it around without copying its fields.
public final class InferenceResult: Sendable {
    /// 200, or the error's status.
    public let status: Int
    /// The variant that served (or, for a pinned failure, was pinned).
    public var variant: String? {
        switch serving {
        case .attempt(let attempt): attempt.variant
        case .names(let variant, _, _, _, _): variant
        }
    }
    public var model: String? {
        switch serving {
        case .attempt(let attempt): attempt.model
        case .names(_, let model, _, _, _): model
        }
    }
    public var provider: String? {
        switch serving {
        case .attempt(let attempt): attempt.provider.name
        case .names(_, _, let provider, _, _): provider
        }
    }
    /// The credential location that served a success.
    public var credential: String? {
        switch serving {
        case .attempt(let attempt): attempt.credentialLocation
        case .names(_, _, _, let credential, _): credential
        }
    }
    /// Whether that location was the fallback side of its setting.
    public var usedFallbackCredential: Bool {
        switch serving {
        case .attempt(let attempt): attempt.isFallbackCredential
        case .names(_, _, _, _, let usedFallbackCredential): usedFallbackCredential
        }
    }
    /// What the serving upstream answered, on success.
    public let response: ProviderResponse?
    public let error: InferenceError?
    public let episodeID: EpisodeID
    public let start: Nanoseconds
    public let end: Nanoseconds
    /// Upstream attempts made (skipped providers do not count).
    public let attemptCount: Int
    /// Every step, when the execution was recording a trace; empty otherwise.
    public let trace: [AttemptRecord]
    /// For a streaming success: the earliest `streaming.total_ms` bound still running once the first chunk
    /// arrived (provider, model or variant), which the driver enforces on the rest of the stream.
    public let streamDeadline: StreamDeadline?

    /// Who served: the engine's successes keep their attempt, whose routes already hold every name, so
    /// finishing a request copies no strings.
    private enum Serving: Sendable {
        case attempt(ProviderAttempt)
        case names(variant: String?, model: String?, provider: String?, credential: String?, usedFallbackCredential: Bool)
    }

    private let serving: Serving

    /// The identity of the attempt that served a success the engine produced (`nil` otherwise): results with
    /// equal identities have equal `variant`, `model`, `provider`, `credential` and `usedFallbackCredential`.
    public var servingAttempt: ProviderAttempt.Identity? {
        if case .attempt(let attempt) = serving { attempt.identity } else { nil }
    }

    public convenience init(
        status: Int, variant: String?, model: String?, provider: String?, credential: String?, usedFallbackCredential: Bool,
        response: ProviderResponse?, error: InferenceError?, episodeID: EpisodeID, start: Nanoseconds, end: Nanoseconds,
        attemptCount: Int, trace: [AttemptRecord], streamDeadline: StreamDeadline? = nil
    ) {
        let serving = Serving.names(
            variant: variant, model: model, provider: provider, credential: credential, usedFallbackCredential: usedFallbackCredential
        )
        self.init(
            status: status, serving: serving, response: response, error: error, episodeID: episodeID, start: start, end: end,
            attemptCount: attemptCount, trace: trace, streamDeadline: streamDeadline
        )
    }

    /// A success served by `attempt`.
    convenience init(
        servedBy attempt: ProviderAttempt, response: ProviderResponse, episodeID: EpisodeID, start: Nanoseconds, end: Nanoseconds,
        attemptCount: Int, trace: [AttemptRecord], streamDeadline: StreamDeadline?
    ) {
        self.init(
            status: 200, serving: .attempt(attempt), response: response, error: nil, episodeID: episodeID, start: start, end: end,
            attemptCount: attemptCount, trace: trace, streamDeadline: streamDeadline
        )
    }

    private init(
        status: Int, serving: Serving, response: ProviderResponse?, error: InferenceError?, episodeID: EpisodeID, start: Nanoseconds,
        end: Nanoseconds, attemptCount: Int, trace: [AttemptRecord], streamDeadline: StreamDeadline?
    ) {
        self.status = status
        self.serving = serving
        self.response = response
        self.error = error
        self.episodeID = episodeID
        self.start = start
        self.end = end
        self.attemptCount = attemptCount
        self.trace = trace
        self.streamDeadline = streamDeadline
    }
}
