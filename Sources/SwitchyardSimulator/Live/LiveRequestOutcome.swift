import SwitchyardEngine

/// How one live request went: the gateway's answer and the attempts the mock upstreams saw, with times in real
/// nanoseconds since the phase's traffic began.
struct LiveRequestOutcome: Sendable {
    var request: LiveSchedule.Request
    var status: Int
    var variant: String?
    var error: String?
    var sentAt: Int64
    var latency: Int64
    var attempts: [LiveAttempt]

    /// The attempt that served a success: the last one its upstream answered `ok`.
    var serving: LiveAttempt? {
        status == 200 ? attempts.last { $0.outcome == .ok } : nil
    }

    init(request: LiveSchedule.Request, response: LiveResponse, attempts: [LiveAttempt], origin: Int64) {
        self.request = request
        status = response.status
        variant = response.variant
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
