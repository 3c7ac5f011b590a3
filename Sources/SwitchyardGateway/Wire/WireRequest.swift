import SwitchyardEngine

/// One upstream HTTP call as a wire adapter lays it out: where, which headers (auth excluded) and the body.
struct WireRequest: Sendable {
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]
}

/// Maps the engine's payload to one provider family's wire format and its response back.
protocol WireAdapter: Sendable {
    /// The request for `attempt`; `endpoint` is the resolved base URL (locations already read).
    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest
    /// The outcome of a 2xx `body`.
    func parse(_ body: [UInt8], providerType: String) -> AttemptOutcome
    /// The outcome of a 2xx `body` answering `attempt` (by default, `parse(_:providerType:)`).
    func parse(_ body: [UInt8], for attempt: ProviderAttempt) -> AttemptOutcome
    /// The status an upstream error status counts as (by default, itself).
    func failureStatus(_ upstreamStatus: Int) -> Int
}

extension WireAdapter {
    func failureStatus(_ upstreamStatus: Int) -> Int { upstreamStatus }

    func parse(_ body: [UInt8], for attempt: ProviderAttempt) -> AttemptOutcome {
        parse(body, providerType: attempt.provider.type.rawValue)
    }
}

/// Why an adapter could not build a request.
struct WireError: Error, CustomStringConvertible {
    var description: String
}
