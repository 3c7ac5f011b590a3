import Crypto
import Foundation
import Hummingbird
import NIOCore
import _CryptoExtras
@testable import SwitchyardGateway

/// What the cloud mock knows and saw: the AWS key pairs and GCP service-account public keys it accepts, the
/// tokens it issued, and every call with its verdict.
final class CloudMockState: @unchecked Sendable {
    struct Call: @unchecked Sendable {
        var path: String
        /// `ok`, or why the mock refused the call (`signature mismatch`, `unknown token`, ...).
        var verdict: String
        /// The SigV4 credential scope (`AKID/20260101/us-east-1/bedrock/aws4_request`) or bearer token used.
        var identity: String
        var body: [String: Any]
    }

    private let lock = NSLock()
    private var secrets: [String: String] = [:]
    private var publicKeys: [String: _RSA.Signing.PublicKey] = [:]
    private var issued: Set<String> = []
    private var bearerTokens: Set<String> = []
    private var recorded: [Call] = []
    /// How long issued access tokens live (`expires_in`).
    var tokenLifetime = 3600

    /// Accept SigV4 requests signed with this key pair.
    func acceptAWS(keyID: String, secret: String) { lock.withLock { secrets[keyID] = secret } }
    /// Accept JWT assertions signed by the service account's key `keyID`.
    func acceptServiceAccount(keyID: String, publicKey: _RSA.Signing.PublicKey) { lock.withLock { publicKeys[keyID] = publicKey } }
    /// Accept this bearer token on Vertex and Bedrock routes without a token exchange.
    func acceptBearer(_ token: String) { lock.withLock { _ = bearerTokens.insert(token) } }

    var calls: [Call] { lock.withLock { recorded } }
    func calls(under prefix: String) -> [Call] { calls.filter { $0.path.hasPrefix(prefix) } }

    fileprivate func record(_ call: Call) { lock.withLock { recorded.append(call) } }
    fileprivate func secret(for keyID: String) -> String? { lock.withLock { secrets[keyID] } }
    fileprivate func publicKey(_ keyID: String) -> _RSA.Signing.PublicKey? { lock.withLock { publicKeys[keyID] } }
    fileprivate func issue() -> String {
        lock.withLock {
            let token = "ya29.mock-\(issued.count + 1)"
            issued.insert(token)
            return token
        }
    }
    fileprivate func isValidBearer(_ token: String) -> Bool { lock.withLock { issued.contains(token) || bearerTokens.contains(token) } }
}

/// A loopback stand-in for AWS Bedrock (`/bedrock/model/ID/converse`), SageMaker
/// (`/sagemaker/endpoints/NAME/invocations`), Google's token endpoint (`/token`) and Vertex AI
/// (`/vertex/...:generateContent`, `/vertex/...:rawPredict`) that checks every request's SigV4 signature or
/// bearer token, and the JWT assertion at the token endpoint, before it answers.
enum CloudMockUpstream {
    static func router(state: CloudMockState) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("**") { request, _ in
            let path = request.uri.path
            let body = Array(buffer: try await request.body.collect(upTo: 1 << 20))
            let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
            func header(_ name: String) -> String? { value(of: name, in: request) }
            func answer(_ verdict: String, identity: String, _ status: Int, _ text: String) -> Response {
                state.record(.init(path: path, verdict: verdict, identity: identity, body: json))
                return Response(
                    status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text))
                )
            }
            if path == "/token" { return tokenAnswer(String(decoding: body, as: UTF8.self), state: state, answer: answer) }
            if path.hasPrefix("/bedrock/") || path.hasPrefix("/sagemaker/") {
                let service = path.hasPrefix("/bedrock/") ? "bedrock" : "sagemaker"
                if let bearer = header("authorization").flatMap({ $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }) {
                    guard state.isValidBearer(bearer) else { return answer("unknown token", identity: bearer, 403, #"{"message":"Invalid API key"}"#) }
                    return answer("ok", identity: bearer, 200, success(service: service, note: "bearer"))
                }
                switch verifySigV4(request: request, path: path, body: body, service: service, state: state) {
                case .success(let scope): return answer("ok", identity: scope, 200, success(service: service, note: scope))
                case .failure(let reason):
                    return answer(reason.description, identity: "", 403, #"{"message":"The request signature we calculated does not match the signature you provided."}"#)
                }
            }
            if path.hasPrefix("/vertex/") {
                guard let bearer = header("authorization").flatMap({ $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }),
                      state.isValidBearer(bearer) else {
                    return answer("unknown token", identity: header("authorization") ?? "", 401,
                                  #"{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}"#)
                }
                if path.hasSuffix(":rawPredict") {
                    return answer("ok", identity: bearer, 200, """
                        {"id":"msg_1","type":"message","role":"assistant","model":"claude","stop_reason":"end_turn",
                         "content":[{"type":"text","text":"hello from vertex claude"}],"usage":{"input_tokens":5,"output_tokens":4}}
                        """)
                }
                return answer("ok", identity: bearer, 200, """
                    {"candidates":[{"content":{"role":"model","parts":[{"text":"hello from vertex gemini"}]},"finishReason":"STOP"}],
                     "usageMetadata":{"promptTokenCount":6,"candidatesTokenCount":4}}
                    """)
            }
            return answer("unknown route", identity: "", 404, #"{"error":"no such route"}"#)
        }
        return router
    }

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Recomputes the request's signature from what arrived on the wire, with the secret of the key id it
    /// claims, and compares; the credential scope when it matches.
    static func verifySigV4(request: Request, path: String, body: [UInt8], service: String, state: CloudMockState) -> Result<String, Refusal> {
        guard let authorization = value(of: "authorization", in: request), authorization.hasPrefix("AWS4-HMAC-SHA256 ") else {
            return .failure(Refusal(description: "no SigV4 authorization"))
        }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"],
              let dateHeader = value(of: "x-amz-date", in: request) else { return .failure(Refusal(description: "incomplete authorization")) }
        let scope = credential.split(separator: "/").map(String.init)
        guard scope.count == 5, scope[3] == service, let secret = state.secret(for: scope[0]) else {
            return .failure(Refusal(description: "unknown key or wrong service"))
        }
        let names = Set(signedHeaders.split(separator: ";").map(String.init))
        // The server reads `Host` into the request's authority.
        let headers = request.headers.filter { names.contains($0.name.canonicalName) }.map { ($0.name.canonicalName, $0.value) }
            + (request.head.authority.map { [("host", $0)] } ?? [])
        guard Set(headers.map(\.0)) == names, names.contains("host") else { return .failure(Refusal(description: "signed headers missing: signed \(names.sorted()), received \(request.headers.map(\.name.canonicalName))")) }
        let query = request.uri.query ?? ""
        let signable = SigV4Signer.Request(method: "POST", path: path, query: query, headers: headers.filter { $0.0 != "x-amz-date" && $0.0 != "x-amz-security-token" }, body: body)
        let token = value(of: "x-amz-security-token", in: request)
        guard let date = Self.date(dateHeader) else { return .failure(Refusal(description: "bad x-amz-date")) }
        let expected = SigV4Signer.signingHeaders(
            for: signable, keys: AWSSigningKeys(accessKeyID: scope[0], secretAccessKey: secret, sessionToken: token), region: scope[2], service: service, date: date
        ).first { $0.name == "authorization" }?.value
        return expected == authorization ? .success(credential + (token.map { " token=\($0)" } ?? "")) : .failure(Refusal(description: "signature mismatch"))
    }

    /// The JWT bearer grant: the assertion's RS256 signature, audience, issuer, scope and lifetime.
    private static func tokenAnswer(_ form: String, state: CloudMockState, answer: (String, String, Int, String) -> Response) -> Response {
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        func refuse(_ reason: String) -> Response {
            answer(reason, "", 400, #"{"error":"invalid_grant","error_description":"Invalid JWT Signature."}"#)
        }
        guard fields["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer", let assertion = fields["assertion"] else { return refuse("bad grant") }
        let parts = assertion.split(separator: ".").map(String.init)
        guard parts.count == 3, let headerData = base64URLDecoded(parts[0]), let claimsData = base64URLDecoded(parts[1]),
              let signature = base64URLDecoded(parts[2]),
              let header = (try? JSONSerialization.jsonObject(with: headerData)) as? [String: Any],
              let claims = (try? JSONSerialization.jsonObject(with: claimsData)) as? [String: Any],
              header["alg"] as? String == "RS256", let keyID = header["kid"] as? String, let key = state.publicKey(keyID)
        else { return refuse("malformed or unknown key") }
        guard key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: Data("\(parts[0]).\(parts[1])".utf8), padding: .insecurePKCS1v1_5)
        else { return refuse("bad signature") }
        guard (claims["aud"] as? String)?.hasSuffix("/token") == true, claims["scope"] as? String == "https://www.googleapis.com/auth/cloud-platform",
              let iat = claims["iat"] as? Int, let exp = claims["exp"] as? Int, exp - iat == 3600, claims["iss"] is String
        else { return refuse("bad claims") }
        let token = state.issue()
        return answer("ok", keyID, 200, #"{"access_token":"\#(token)","expires_in":\#(state.tokenLifetime),"token_type":"Bearer"}"#)
    }

    /// A request header's value, by lowercased name.
    static func value(of name: String, in request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == name }?.value
    }

    private static func success(service: String, note: String) -> String {
        if service == "bedrock" {
            return """
                {"output":{"message":{"role":"assistant","content":[{"text":"hello from bedrock"}]}},"stopReason":"end_turn",
                 "usage":{"inputTokens":8,"outputTokens":3,"totalTokens":11}}
                """
        }
        return #"{"choices":[{"index":0,"message":{"role":"assistant","content":"hello from sagemaker"},"finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":3}}"#
    }

    private static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }

    static func base64URLDecoded(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
