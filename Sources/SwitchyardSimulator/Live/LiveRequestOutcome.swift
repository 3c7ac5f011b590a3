import SwitchyardEngine

/// How one live request went: the gateway's answer and the attempts the mock upstreams saw, with times in real
/// nanoseconds since the phase's traffic began.
struct LiveRequestOutcome: Sendable {
    var request: LiveSchedule.Request
    var status: Int
    var variant: String?
    /// The text of a success's answer, when the gateway's response had one.
    var text: String?
    var error: String?
    var sentAt: Int64
    var latency: Int64
    var attempts: [LiveAttempt]

    /// The attempt that served a success: the last one answered `ok` with the response's text (a best-of-N
    /// variant answers with a candidate's text after its evaluator's), else the last one answered `ok`.
    var serving: LiveAttempt? {
        guard status == 200 else { return nil }
        return attempts.last { $0.outcome == .ok && $0.answerText == text } ?? attempts.last { $0.outcome == .ok }
    }

    init(request: LiveSchedule.Request, response: LiveResponse, attempts: [LiveAttempt], origin: Int64) {
        self.request = request
        status = response.status
        variant = response.variant
        text = response.text
        error = response.error
        sentAt = response.sent - origin
        latency = response.latency
        self.attempts = attempts.map { attempt in
            var attempt = attempt
            attempt.received -= origin
            attempt.answered = attempt.answered.map { $0 - origin }
            return attempt
        }
    }
}
