import SwitchyardConfig
import SwitchyardEngine

/// The mock providers of one phase: each upstream follows its `respond` script, advancing one step per
/// attempt it receives, and answers 401 to revoked credential values.
struct MockUpstreams {
    /// Scripts and positions of the engine's numbered providers, indexed by `ProviderRoute.id`.
    private var scriptsByID: [ResponseScript]
    /// What each numbered provider's `ok` answers say (its script's `reply`, or `response`).
    private let answersByID: [ProviderResponse]
    private var positionsByID: [Int]
    /// Scripts and positions of shorthand providers built for single `model_name` requests.
    private let scriptsByKey: [UpstreamKey: ResponseScript]
    private var positionsByKey: [UpstreamKey: Int] = [:]
    private let revoked: Set<Secret>
    /// The gateway's outbound timeout, used when an upstream never answers and no configured timeout fires.
    private let outboundTimeout: Int64

    init(scripts: [UpstreamKey: ResponseScript], providers: [ProviderRoute], revoked: Set<Secret>, outboundTimeout: Int64) {
        scriptsByID = providers.map { scripts[UpstreamKey(model: $0.model, provider: $0.plan.name)] ?? .alwaysOK }
        positionsByID = Array(repeating: 0, count: providers.count)
        answersByID = scriptsByID.map { Self.response(saying: $0.reply) }
        scriptsByKey = scripts
        self.revoked = revoked
        self.outboundTimeout = outboundTimeout
    }

    /// What every `ok` answer says, unless its upstream has a `reply`. The text fits in a small string (15 UTF-8
    /// bytes at most), so passing an answer around counts no references.
    static let response = ProviderResponse(text: "simulated reply", inputTokens: 10, outputTokens: 20, finishReason: .stop)

    /// What an upstream's `ok` answers say: its `reply` text with `response`'s usage, or `response`.
    static func response(saying reply: String?) -> ProviderResponse {
        guard let reply else { return response }
        var answer = response
        answer.text = reply
        return answer
    }

    /// What happens to `attempt`, and when.
    mutating func answer(_ attempt: ProviderAttempt) -> (outcome: AttemptOutcome, at: Int64) {
        let step: ResponseScript.Step
        let answer: ProviderResponse
        let id = attempt.route.id
        if id >= 0 {
            step = scriptsByID[id].step(at: positionsByID[id])
            positionsByID[id] += 1
            answer = answersByID[id]
        } else {
            let key = UpstreamKey(model: attempt.model, provider: attempt.provider.name)
            let position = positionsByKey[key, default: 0]
            positionsByKey[key] = position + 1
            let script = scriptsByKey[key] ?? .alwaysOK
            step = script.step(at: position)
            answer = Self.response(saying: script.reply)
        }
        let deadline = attempt.deadline ?? attempt.start + outboundTimeout
        let outcome: AttemptOutcome
        if !revoked.isEmpty, let credential = attempt.credential, revoked.contains(credential) {
            let rejection = Self.rejection(of: attempt)
            guard case .status = rejection else { return (rejection, attempt.start) }
            outcome = rejection
        } else {
            switch step.outcome {
            case .ok: outcome = .success(answer)
            case .status(let status): outcome = .status(status, body: Self.errorBody(status))
            case .timeout: return (.timedOut, deadline)
            case .reset: outcome = .connectionReset
            case .garbage: outcome = .unparseableResponse("expected value at line 1 column 1")
            }
        }
        let finish = attempt.start + step.latency
        return finish > deadline ? (.timedOut, deadline) : (outcome, finish)
    }

    /// How a revoked credential is turned away: a GCP key file's token exchange is refused before the provider
    /// is called; AWS answers 403 to an unknown key; everything else answers 401.
    private static func rejection(of attempt: ProviderAttempt) -> AttemptOutcome {
        switch attempt.provider.authStyle {
        case .gcpOAuth where attempt.credentialForm != .dynamic:
            .credentialUnavailable(
                "Error in acquiring GCP credentials: Failed to get GCP access token: the token endpoint refused the credential: 400 invalid_grant (Invalid JWT Signature.)"
            )
        case .awsSigV4:
            .status(403, body: #"{"message": "The security token included in the request is invalid."}"#)
        default:
            .status(401, body: #"{"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}"#)
        }
    }

    /// The body of a scripted error status: written once per common status, since failing attempts are frequent.
    private static func errorBody(_ status: Int) -> String {
        (100..<600).contains(status) ? errorBodies[status] : body(status)
    }

    private static let errorBodies = (0..<600).map(body)

    private static func body(_ status: Int) -> String {
        #"{"error": {"message": "mock upstream answered \#(status)"}}"#
    }
}

/// An upstream: a provider of a model (`MODEL.PROVIDER` in scenario files).
struct UpstreamKey: Hashable, Sendable, CustomStringConvertible {
    var model: String
    var provider: String

    var description: String { "\(model).\(provider)" }
}
