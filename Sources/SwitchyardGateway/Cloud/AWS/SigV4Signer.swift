import Crypto
import Foundation

/// AWS Signature Version 4 in header form, as the AWS SDKs sign requests to every service but S3: the
/// canonical request (method, normalised and URI-encoded path, sorted query, signed headers, payload hash),
/// the string to sign over the credential scope, and the `Authorization` header from the derived key.
enum SigV4Signer {
    /// The parts of a request that are signed.
    struct Request: Sendable {
        var method: String
        /// The path as sent; it is URI-encoded once more for the canonical URI, as the SDKs do for services
        /// other than S3 (a model id sent as `claude%3A0` is signed as `claude%253A0`).
        var path: String
        /// The query as sent, without `?`.
        var query: String
        /// Every header the request will carry, `host` included.
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    /// Headers never signed: they are not end-to-end, or intermediaries may change them.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id", "transfer-encoding", "expect"]

    /// The headers to add for `request` signed with `keys` in `region` for `service` at `date`:
    /// `x-amz-date`, `x-amz-security-token` when the keys carry a session token, and `authorization`.
    static func signingHeaders(for request: Request, keys: AWSSigningKeys, region: String, service: String, date: Date) -> [(name: String, value: String)] {
        let amzDate = timestamp(date)
        var added = [(name: "x-amz-date", value: amzDate)]
        if let token = keys.sessionToken { added.append((name: "x-amz-security-token", value: token)) }
        var signed = request
        signed.headers += added
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let (canonical, names) = canonicalRequest(signed)
        let stringToSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(hex(SHA256.hash(data: Array(canonical.utf8))))"
        let signature = hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(keys, date: String(amzDate.prefix(8)), region: region, service: service)))
        added.append((name: "authorization", value: "AWS4-HMAC-SHA256 Credential=\(keys.accessKeyID)/\(scope), SignedHeaders=\(names), Signature=\(signature)"))
        return added
    }

    /// The canonical request and its `SignedHeaders` list.
    static func canonicalRequest(_ request: Request) -> (text: String, signedHeaders: String) {
        var grouped: [String: [String]] = [:]
        for (name, value) in request.headers {
            let lowered = name.lowercased()
            guard !unsignedHeaders.contains(lowered) else { continue }
            grouped[lowered, default: []].append(trimmed(value))
        }
        let names = grouped.keys.sorted()
        let headerLines = names.map { "\($0):\(grouped[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [
            request.method.uppercased(), canonicalURI(request.path), canonicalQuery(request.query), headerLines, signedHeaders,
            hex(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// The path with `.` and `..` segments resolved and empty segments dropped (a trailing `/` kept), each
    /// segment URI-encoded.
    static func canonicalURI(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let joined = "/" + segments.map { uriEncode($0) }.joined(separator: "/")
        return path.hasSuffix("/") && !segments.isEmpty ? joined + "/" : joined
    }

    /// Query parameters decoded, URI-encoded, and sorted by name, then value.
    static func canonicalQuery(_ query: String) -> String {
        let pairs = query.split(separator: "&").map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? parts[1] : ""
            return (uriEncode(percentDecoded(parts[0])), uriEncode(percentDecoded(value)))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986 encoding: unreserved bytes as they are, every other byte as `%XX`.
    static func uriEncode<S: StringProtocol>(_ text: S) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    private static func signingKey(_ keys: AWSSigningKeys, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(keys.secretAccessKey)".utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// Header values are trimmed and runs of spaces collapse to one.
    private static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    private static func percentDecoded<S: StringProtocol>(_ text: S) -> String {
        String(text).removingPercentEncoding ?? String(text)
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
