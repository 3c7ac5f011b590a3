import Foundation

extension TraceSink {
    /// Queues a live request's JSON line, shaped as a simulated one's; times are real milliseconds since the
    /// phase's traffic began, and attempts carry no variant (an upstream cannot tell which variant called it).
    func record(_ outcome: LiveRequestOutcome, phase: String) {
        let serving = outcome.serving
        let object: [String: Any] = [
            "scenario": scenarioFile, "phase": phase, "send": outcome.request.stream, "index": outcome.request.index,
            "episode_id": outcome.request.episodeID.description, "status": outcome.status,
            "sent_at_ms": Self.milliseconds(outcome.sentAt), "latency_ms": Self.milliseconds(outcome.latency),
            "variant": outcome.variant ?? NSNull(), "model": serving?.upstream.model ?? NSNull(),
            "provider": serving?.upstream.provider ?? NSNull(), "credential": serving?.credential ?? NSNull(),
            "fallback_credential": serving?.usedFallbackCredential ?? false, "error": outcome.error ?? NSNull(),
            "attempts": outcome.attempts.map(Self.attempt),
        ]
        append(object, send: outcome.request.stream, index: outcome.request.index)
    }

    private static func attempt(_ attempt: LiveAttempt) -> [String: Any] {
        let outcome = switch attempt.outcome {
        case .ok: "ok"
        case .status(let status): "status:\(status)"
        case .timeout: "timeout"
        case .reset: "reset"
        case .garbage: "garbage"
        }
        return [
            "variant": NSNull(), "model": attempt.upstream.model, "provider": attempt.upstream.provider,
            "credential": attempt.credential ?? NSNull(), "fallback_credential": attempt.usedFallbackCredential,
            "start_ms": milliseconds(attempt.received), "end_ms": attempt.answered.map(milliseconds) ?? NSNull(), "outcome": outcome,
        ]
    }

    private static func milliseconds(_ nanoseconds: Int64) -> Double { Double(nanoseconds) / 1_000_000 }
}
