/// One attempt a live mock upstream received: which upstream, with which credential, and how it answered.
struct LiveAttempt: Sendable {
    var upstream: UpstreamKey
    /// The credential location the request carried (`env::OPENAI_API_KEY`), `nil` when it matched none.
    var credential: String?
    var usedFallbackCredential: Bool
    /// What the upstream did; a revoked credential is `.status(401)`.
    var outcome: ResponseScript.Outcome
    /// The text an `ok` answer said (the upstream's `reply`, or the default answer's).
    var answerText: String
    /// When the request arrived, and when the answer was due (`nil`: never): monotonic uptime nanoseconds as the
    /// mock logs them, nanoseconds since the phase's traffic began in a `LiveRequestOutcome`.
    var received: Int64
    var answered: Int64?
}
