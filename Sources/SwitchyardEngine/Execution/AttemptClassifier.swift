/// Turns an attempt's outcome into the error it stops at, if any: a provider error moves to the next
/// provider, a model timeout ends the model call, a variant timeout ends the variant. It also builds the
/// attempt's trace record when a trace is kept.
enum AttemptClassifier {
    enum Failure {
        case provider(InferenceError)
        case model(InferenceError)
        case variant(InferenceError)
    }

    struct Deadlines {
        var provider: Deadline?
        var model: Deadline?
        var variant: Deadline?
    }

    static func failure(of outcome: AttemptOutcome, attempt: ProviderAttempt, deadlines: Deadlines, at now: Nanoseconds) -> Failure? {
        let type = attempt.provider.type.rawValue
        switch outcome {
        case .success:
            return nil
        case .status(let status, let body):
            return .provider(.providerStatus(providerType: type, status: status, body: body))
        case .connectionReset:
            return .provider(.providerConnection(providerType: type, message: "connection reset by peer"))
        case .unparseableResponse(let message):
            return .provider(.providerResponse(providerType: type, message: message))
        case .credentialUnavailable(let message):
            return .provider(.credentialAcquisition(message))
        case .timedOut:
            return firedDeadline(deadlines, at: now, attempt: attempt)
        }
    }

    static func record(_ outcome: AttemptOutcome, attempt: ProviderAttempt, failure: Failure?, at now: Nanoseconds) -> AttemptRecord {
        let recorded: AttemptRecord.Outcome
        switch (outcome, failure) {
        case (.success, _): recorded = .success
        case (.status(let status, _), _): recorded = .status(status)
        case (.connectionReset, _): recorded = .connectionReset
        case (.unparseableResponse, _): recorded = .unparseableResponse
        case (.credentialUnavailable(let message), _): recorded = .skipped(reason: message)
        case (.timedOut, .model?): recorded = .timedOut(level: Deadline.Level.model.rawValue)
        case (.timedOut, .variant?): recorded = .timedOut(level: Deadline.Level.variant.rawValue)
        case (.timedOut, _): recorded = .timedOut(level: Deadline.Level.provider.rawValue)
        }
        return AttemptRecord(
            variant: attempt.variant, model: attempt.model, provider: attempt.provider.name,
            credential: attempt.credentialLocation, usedFallbackCredential: attempt.isFallbackCredential,
            outcome: recorded, start: attempt.start, end: now
        )
    }

    /// The innermost deadline that has passed.
    private static func firedDeadline(_ deadlines: Deadlines, at now: Nanoseconds, attempt: ProviderAttempt) -> Failure {
        if let provider = deadlines.provider, provider.at <= now {
            return .provider(provider.error(for: attempt.provider.name, kind: .provider))
        }
        if let model = deadlines.model, model.at <= now {
            return .model(model.error(for: attempt.model, kind: .model))
        }
        if let variant = deadlines.variant, variant.at <= now {
            return .variant(variant.error(for: attempt.variant, kind: .variant))
        }
        let message = "the upstream did not answer before the gateway's outbound timeout"
        return .provider(.providerConnection(providerType: attempt.provider.type.rawValue, message: message))
    }
}
