import SwitchyardConfig
import SwitchyardEngine

/// The mock providers of one phase: each upstream follows its `respond` script, advancing one step per
/// attempt it receives, and answers 401 to revoked credential values.
struct MockUpstreams {
    private let scripts: [UpstreamKey: ResponseScript]
    private var positions: [UpstreamKey: Int] = [:]
    private let revoked: Set<Secret>
    /// The gateway's outbound timeout, used when an upstream never answers and no configured timeout fires.
    private let outboundTimeout: Int64

    init(scripts: [UpstreamKey: ResponseScript], revoked: Set<Secret>, outboundTimeout: Int64) {
        self.scripts = scripts
        self.revoked = revoked
        self.outboundTimeout = outboundTimeout
    }

    /// What happens to `attempt`, and when.
    mutating func answer(_ attempt: ProviderAttempt) -> (outcome: AttemptOutcome, at: Int64) {
        let key = UpstreamKey(model: attempt.model, provider: attempt.provider.name)
        let position = positions[key, default: 0]
        positions[key] = position + 1
        let step = (scripts[key] ?? .alwaysOK).step(at: position)
        let deadline = attempt.deadline ?? attempt.start + outboundTimeout
        let outcome: AttemptOutcome
        if let credential = attempt.credential, revoked.contains(credential) {
            outcome = .status(401, body: #"{"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}"#)
        } else {
            switch step.outcome {
            case .ok: outcome = .success
            case .status(let status): outcome = .status(status, body: #"{"error": {"message": "mock upstream answered \#(status)"}}"#)
            case .timeout: return (.timedOut, deadline)
            case .reset: outcome = .connectionReset
            case .garbage: outcome = .unparseableResponse("expected value at line 1 column 1")
            }
        }
        let finish = attempt.start + step.latency
        return finish > deadline ? (.timedOut, deadline) : (outcome, finish)
    }
}

/// An upstream: a provider of a model (`MODEL.PROVIDER` in scenario files).
struct UpstreamKey: Hashable, Sendable, CustomStringConvertible {
    var model: String
    var provider: String

    var description: String { "\(model).\(provider)" }
}
