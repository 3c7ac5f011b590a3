import AsyncHTTPClient
import Foundation
import SwitchyardEngine

/// Signs an AWS provider's request with SigV4 (TensorZero's `sign_request`): the attempt's key pair, the
/// provider's region and service, over the request's final headers (`host` included) and body. Headers a
/// user set through `extra_headers` are kept; only the signing headers missing from the request are added.
enum AWSRequestSigning {
    /// Signs `request` when `attempt`'s provider uses SigV4; the outcome that ends the attempt when it cannot.
    static func sign(_ request: inout HTTPClientRequest, body: [UInt8], attempt: ProviderAttempt, endpoints: EndpointResolver, date: Date = Date()) -> AttemptOutcome? {
        guard attempt.provider.authStyle == .awsSigV4 else { return nil }
        let type = attempt.provider.type.rawValue
        guard let keyID = attempt.credential, let secret = attempt.fields["secret_access_key"] else {
            return .credentialUnavailable("Error 500 Internal Server Error from \(type) client: Failed to get AWS credentials: no access key pair")
        }
        let region: String
        switch endpoints.region(for: attempt) {
        case .success(let found): region = found
        case .failure(let failure): return .status(500, body: failure.description)
        }
        guard let components = URLComponents(string: request.url), let host = components.host else {
            return .status(500, body: "the AWS endpoint `\(request.url)` is not a URL")
        }
        if !request.headers.contains(name: "host") {
            request.headers.add(name: "host", value: components.port.map { "\(host):\($0)" } ?? host)
        }
        let signable = SigV4Signer.Request(
            method: "POST", path: components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath,
            query: components.percentEncodedQuery ?? "", headers: request.headers.map { ($0.name, $0.value) }, body: body
        )
        let sessionToken = attempt.fields["session_token"]?.withValue { $0 }
        let added = keyID.withValue { id in
            secret.withValue { key in
                SigV4Signer.signingHeaders(
                    for: signable, keys: AWSSigningKeys(accessKeyID: id, secretAccessKey: key, sessionToken: sessionToken),
                    region: region, service: AWSWire.service(of: type), date: date
                )
            }
        }
        for header in added where !request.headers.contains(name: header.name) {
            request.headers.add(name: header.name, value: header.value)
        }
        return nil
    }
}
