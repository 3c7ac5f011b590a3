import AsyncHTTPClient
import Foundation
import NIOCore
import SwitchyardConfig
import SwitchyardEngine

/// Exchanges GCP credential files for OAuth access tokens at each file's token URI, and keeps each token
/// until `refreshMargin` before it expires, so requests reuse it and it is renewed ahead of expiry. Requests
/// that need a token while one is being fetched wait for that fetch.
actor GCPTokenSource {
    /// How long before expiry a token is renewed.
    static let refreshMargin: TimeInterval = 300

    /// Why no token could be had: TensorZero's `GCPCredentials` error text, without any key material.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct Token {
        var value: Secret
        var renewAt: Date
    }

    private let client: HTTPClient
    private let now: @Sendable () -> Date
    private var tokens: [Secret: Token] = [:]
    private var fetches: [Secret: Task<Result<Token, Failure>, Never>] = [:]

    init(client: HTTPClient, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.now = now
    }

    /// An access token for the credential file `file`, fetched or reused.
    func accessToken(for file: Secret, deadline: NIODeadline) async -> Result<Secret, Failure> {
        if let token = tokens[file], now() < token.renewAt { return .success(token.value) }
        let fetch: Task<Result<Token, Failure>, Never>
        if let running = fetches[file] {
            fetch = running
        } else {
            let client = client
            let issuedAt = now()
            fetch = Task { await Self.fetch(file, client: client, now: issuedAt, deadline: deadline) }
            fetches[file] = fetch
        }
        let result = await fetch.value
        fetches[file] = nil
        switch result {
        case .success(let token):
            tokens[file] = token
            return .success(token.value)
        case .failure(let failure):
            tokens[file] = nil
            return .failure(failure)
        }
    }

    private static func fetch(_ file: Secret, client: HTTPClient, now: Date, deadline: NIODeadline) async -> Result<Token, Failure> {
        let parsed = file.withValue { GCPCredentialFile.parse($0) }
        let credential: GCPCredentialFile
        switch parsed {
        case .success(let found): credential = found
        case .failure(let problem): return .failure(Failure(description: "Error in acquiring GCP credentials: Failed to load GCP credentials: \(problem)"))
        }
        let form: String
        let redaction: SecretRedaction
        switch credential {
        case .serviceAccount(let email, let pem, let keyID, let uri):
            do {
                let assertion = try GCPJWTAssertion.make(clientEmail: email, privateKeyPEM: pem, privateKeyID: keyID, audience: uri, now: now)
                form = "grant_type=\(formEncode("urn:ietf:params:oauth:grant-type:jwt-bearer"))&assertion=\(assertion)"
                let keyLines = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.map { Secret(String($0)) }
                redaction = SecretRedaction([Secret(assertion)] + keyLines)
            } catch {
                return .failure(Failure(description: "Error in acquiring GCP credentials: Failed to sign the service-account JWT: the `private_key` is not a usable RSA key (2048 bits or more)"))
            }
        case .authorizedUser(let id, let secret, let refresh, _):
            form = "grant_type=refresh_token&client_id=\(formEncode(id))&client_secret=\(formEncode(secret))&refresh_token=\(formEncode(refresh))"
            redaction = SecretRedaction([Secret(secret), Secret(refresh)])
        }
        var request = HTTPClientRequest(url: credential.tokenURI)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form))
        func failed(_ reason: String) -> Result<Token, Failure> {
            .failure(Failure(description: "Error in acquiring GCP credentials: Failed to get GCP access token from `\(credential.tokenURI)`: \(reason)"))
        }
        let status: UInt
        let body: [UInt8]
        do {
            let response = try await client.execute(request, deadline: deadline)
            status = response.status.code
            // The request deadline ends at the response head; the body is held to the same deadline.
            let bodyDeadline = Nanoseconds(clamping: deadline.uptimeNanoseconds)
            body = Array(buffer: try await response.body.collect(upTo: 1 << 20, before: bodyDeadline, clock: SystemClock()))
        } catch {
            return failed("the token endpoint could not be reached (\(error))")
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        guard (200..<300).contains(status) else {
            let code = object?["error"] as? String ?? "HTTP \(status)"
            let detail = (object?["error_description"] as? String).map { " (\($0))" } ?? ""
            return failed("the token endpoint refused the credential: \(status) \(redaction.apply(code + detail))")
        }
        guard let token = object?["access_token"] as? String, !token.isEmpty else { return failed("the token endpoint's answer has no `access_token`") }
        let lifetime = (object?["expires_in"] as? NSNumber)?.doubleValue ?? GCPJWTAssertion.lifetime
        return .success(Token(value: Secret(token), renewAt: now.addingTimeInterval(lifetime - refreshMargin)))
    }

    /// `application/x-www-form-urlencoded` value encoding.
    private static func formEncode(_ text: String) -> String {
        SigV4Signer.uriEncode(text)
    }
}
