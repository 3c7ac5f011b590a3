/// Turns an attempt's outcome into its trace record and, for a failure, the error and the level it stops at:
/// a provider error moves to the next provider, a model timeout ends the model call, a variant timeout ends
/// the variant.
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

    static func classify(_ outcome: AttemptOutcome, attempt: ProviderAttempt, deadlines: Deadlines, at now: Nanoseconds) -> (AttemptRecord, Failure?) {
        let type = attempt.provider.type.rawValue
        let recordOutcome: AttemptRecord.Outcome
        let failure: Failure?
        switch outcome {
        case .success:
            recordOutcome = .success
            failure = nil
        case .status(let status, let body):
            recordOutcome = .status(status)
            failure = .provider(.providerStatus(providerType: type, status: status, body: body))
        case .connectionReset:
            recordOutcome = .connectionReset
            failure = .provider(.providerConnection(providerType: type, message: "connection reset by peer"))
        case .unparseableResponse(let message):
            recordOutcome = .unparseableResponse
            failure = .provider(.providerResponse(providerType: type, message: message))
        case .timedOut:
            let (level, timeout) = firedDeadline(deadlines, at: now, attempt: attempt)
            recordOutcome = .timedOut(level: level.rawValue)
            failure = timeout
        }
        let record = AttemptRecord(
            variant: attempt.variant, model: attempt.model, provider: attempt.provider.name,
            credential: attempt.credentialLocation, usedFallbackCredential: attempt.isFallbackCredential,
            outcome: recordOutcome, start: attempt.start, end: now
        )
        return (record, failure)
    }

    /// The innermost deadline that has passed.
    private static func firedDeadline(_ deadlines: Deadlines, at now: Nanoseconds, attempt: ProviderAttempt) -> (Deadline.Level, Failure) {
        if let provider = deadlines.provider, provider.at <= now {
            return (.provider, .provider(provider.error(for: attempt.provider.name, kind: .provider)))
        }
        if let model = deadlines.model, model.at <= now {
            return (.model, .model(model.error(for: attempt.model, kind: .model)))
        }
        if let variant = deadlines.variant, variant.at <= now {
            return (.variant, .variant(variant.error(for: attempt.variant, kind: .variant)))
        }
        let message = "the upstream did not answer before the gateway's outbound timeout"
        return (.provider, .provider(.providerConnection(providerType: attempt.provider.type.rawValue, message: message)))
    }
}
