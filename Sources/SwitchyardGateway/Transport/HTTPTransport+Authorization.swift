import AsyncHTTPClient
import NIOCore
import SwitchyardEngine

extension HTTPTransport {
    /// `prepare(attempt)`, then the authorization that needs a network call: a GCP credential file is
    /// exchanged for an access token (reused until shortly before it expires). A refused exchange ends the
    /// attempt as `.credentialUnavailable`, which the engine answers with GCP's fallback rule.
    func prepareAuthorized(_ attempt: ProviderAttempt) async -> Result<(HTTPClientRequest, any WireAdapter), PreparationFailure> {
        let prepared = prepare(attempt)
        guard attempt.exchangesCredentialForToken, case .success(let parts) = prepared else { return prepared }
        var (request, adapter) = parts
        // An `extra_headers` entry that sets the header wins, as it does over every provider's auth header.
        guard !request.headers.contains(name: "authorization") else { return .success((request, adapter)) }
        guard let file = attempt.credential else {
            return .failure(PreparationFailure(outcome: .credentialUnavailable(
                "Error in acquiring GCP credentials: Failed to create GCP Vertex credentials from SDK: no Application Default Credentials found (`GOOGLE_APPLICATION_CREDENTIALS` is unset or unreadable; the metadata server is not available in this build)"
            )))
        }
        let deadline = SystemClock.nioDeadline(attempt.deadline ?? (clock.now + outboundTimeout))
        switch await gcpTokens.accessToken(for: file, deadline: deadline) {
        case .success(let token):
            token.withValue { request.headers.replaceOrAdd(name: "authorization", value: "Bearer \($0)") }
            return .success((request, adapter))
        case .failure(let failure):
            return .failure(PreparationFailure(outcome: .credentialUnavailable(failure.description)))
        }
    }
}

extension ProviderAttempt {
    /// Whether the credential is a GCP key file (or Application Default Credentials) to exchange for an
    /// access token; a GCP `dynamic::` credential is already a bearer token.
    var exchangesCredentialForToken: Bool {
        provider.authStyle == .gcpOAuth && credentialForm != .dynamic
    }
}
