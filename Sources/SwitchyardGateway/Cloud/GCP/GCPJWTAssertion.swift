import Crypto
import Foundation
import _CryptoExtras

/// The signed JWT a service account presents at its token URI (RFC 7523, OAuth 2.0 JWT bearer grant):
/// RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over `{alg, typ, kid}.{iss, scope, aud, iat, exp}`, for the
/// `cloud-platform` scope, valid for an hour.
enum GCPJWTAssertion {
    static let scope = "https://www.googleapis.com/auth/cloud-platform"
    static let lifetime: TimeInterval = 3600

    /// The assertion for the service account, issued at `now`.
    static func make(clientEmail: String, privateKeyPEM: String, privateKeyID: String, audience: String, now: Date) throws -> String {
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        let issued = Int(now.timeIntervalSince1970)
        let header = try JSONSerialization.data(withJSONObject: ["alg": "RS256", "typ": "JWT", "kid": privateKeyID], options: [.sortedKeys])
        let claims = try JSONSerialization.data(
            withJSONObject: ["iss": clientEmail, "scope": scope, "aud": audience, "iat": issued, "exp": issued + Int(lifetime)],
            options: [.sortedKeys, .withoutEscapingSlashes]
        )
        let signingInput = "\(base64URL(header)).\(base64URL(claims))"
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return "\(signingInput).\(base64URL(signature.rawRepresentation))"
    }

    /// Base64url without padding (RFC 7515 §2).
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
