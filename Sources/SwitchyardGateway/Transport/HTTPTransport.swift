import AsyncHTTPClient
import Foundation
import NIOCore
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// The gateway's `ProviderTransport`: sends each attempt over one shared, pooling `HTTPClient` through the
/// provider type's wire adapter, and enforces the attempt's deadline (over the whole response, body included).
public struct HTTPTransport: ProviderTransport {
    let client: HTTPClient
    let clock: SystemClock
    let endpoints: EndpointResolver
    /// GCP access tokens, fetched from credential files and reused until shortly before they expire.
    let gcpTokens: GCPTokenSource
    /// Bounds attempts that carry no engine deadline (`gateway.global_outbound_http_timeout_ms`).
    let outboundTimeout: Nanoseconds
    /// The largest upstream response body read.
    static let maxResponseBytes = 32 * 1024 * 1024

    /// A transport over `client`; `outboundTimeoutMs` bounds attempts without a configured timeout.
    public init(client: HTTPClient, environment: Environment, outboundTimeoutMs: Int64) {
        self.client = client
        clock = SystemClock()
        endpoints = EndpointResolver(environment: environment)
        gcpTokens = GCPTokenSource(client: client)
        outboundTimeout = .milliseconds(outboundTimeoutMs)
    }

    public func send(_ attempt: ProviderAttempt) async -> AttemptOutcome {
        let request: HTTPClientRequest
        let adapter: any WireAdapter
        switch await prepareAuthorized(attempt) {
        case .success(let prepared): (request, adapter) = prepared
        case .failure(let failure): return failure.outcome.redacting(SecretRedaction(attempt: attempt, headers: [:]))
        }
        let redaction = SecretRedaction(attempt: attempt, headers: request.headers)
        let start = clock.now
        if let deadline = attempt.deadline, deadline <= start { return .timedOut }
        let deadline = attempt.deadline ?? (start + outboundTimeout)
        do {
            let response = try await client.execute(request, deadline: SystemClock.nioDeadline(deadline))
            let body = try await response.body.collect(upTo: Self.maxResponseBytes, before: deadline, clock: clock)
            let bytes = Array(buffer: body)
            guard (200..<300).contains(response.status.code) else {
                return .status(adapter.failureStatus(Int(response.status.code)), body: redaction.apply(String(decoding: bytes, as: UTF8.self)))
            }
            return adapter.parse(bytes, for: attempt).redacting(redaction)
        } catch {
            if let engineDeadline = attempt.deadline, clock.now >= engineDeadline { return .timedOut }
            return .connectionReset
        }
    }

    /// Why an attempt could not be turned into an HTTP request.
    struct PreparationFailure: Error {
        var outcome: AttemptOutcome
    }

    /// The HTTP request for `attempt` (endpoint resolved, adapter's headers and body, credential header, then
    /// the `extra_headers` / `extra_body` entries) and the adapter that reads its answer.
    func prepare(_ attempt: ProviderAttempt) -> Result<(HTTPClientRequest, any WireAdapter), PreparationFailure> {
        let provider = attempt.provider
        let adapter = ProviderSupport.adapter(for: provider.type)
        let endpoint: String
        switch endpoints.resolve(for: attempt) {
        case .success(let url): endpoint = url
        case .failure(let failure): return .failure(.init(outcome: .status(500, body: failure.description)))
        }
        var wire: WireRequest
        let extraHeaders: [(name: String, value: String)]
        do {
            wire = try adapter.request(for: attempt, endpoint: endpoint)
            wire.body = try ExtraRequestData.body(wire.body, for: attempt)
            extraHeaders = try ExtraRequestData.headers(for: attempt)
        } catch {
            return .failure(.init(outcome: .status(400, body: "\(error)")))
        }
        var request = HTTPClientRequest(url: wire.url)
        request.method = .POST
        for (name, value) in wire.headers { request.headers.add(name: name, value: value) }
        if let credential = attempt.credential, !attempt.exchangesCredentialForToken {
            credential.withValue { AuthHeader.apply(provider.authStyle, value: $0, to: &request.headers) }
        }
        for header in extraHeaders { request.headers.replaceOrAdd(name: header.name, value: header.value) }
        if let failure = AWSRequestSigning.sign(&request, body: wire.body, attempt: attempt, endpoints: endpoints) {
            return .failure(.init(outcome: failure))
        }
        request.body = .bytes(ByteBuffer(bytes: wire.body))
        return .success((request, adapter))
    }
}
