import Foundation
import NIOHTTP1
import SwitchyardConfig
import SwitchyardEngine

/// Scrubs the credential values an attempt sent from the text its upstream sends back (error bodies, error
/// events in a stream, a token endpoint's refusal) before that text becomes part of an error message, a log
/// line or a response. TensorZero quotes upstream bodies in its messages, so the text is kept and only the
/// values are replaced by `<redacted>`: each value itself, its base64, base64url and percent-encoded forms,
/// and any token that starts with its first `prefixLength` characters (as in "Incorrect API key provided:
/// sk-abcdef**********wxyz").
struct SecretRedaction: Sendable {
    static let placeholder = "<redacted>"
    /// Values shorter than this are not redacted: they would match ordinary words.
    static let minimumLength = 6
    /// How many leading characters of a value mark a token as a partial echo of it.
    static let prefixLength = 8

    private let secrets: [Secret]

    init(_ secrets: [Secret]) {
        self.secrets = secrets
    }

    /// The values `attempt` presents: its credential, its secret fields (not `region` or an endpoint), and
    /// the credential headers of `headers` as sent (a GCP access token, an AWS session token).
    init(attempt: ProviderAttempt, headers: HTTPHeaders) {
        var secrets = attempt.credential.map { [$0] } ?? []
        secrets += attempt.fields.filter { !Self.publicFields.contains($0.key) }.map(\.value)
        for name in Self.credentialHeaders {
            for value in headers[name] {
                secrets.append(Secret(value))
                if let space = value.firstIndex(of: " ") { secrets.append(Secret(String(value[value.index(after: space)...]))) }
            }
        }
        self.init(secrets)
    }

    /// Attempt fields that are settings, not secrets.
    private static let publicFields: Set<String> = ["region", "endpoint", "endpoint_url"]
    /// Headers that carry a credential (`authorization` with its scheme, or the value alone).
    private static let credentialHeaders = ["authorization", "x-api-key", "api-key", "x-goog-api-key", "x-amz-security-token"]

    /// `text` with every form of every value replaced.
    func apply(_ text: String) -> String {
        guard !secrets.isEmpty, !text.isEmpty else { return text }
        var result = text
        for secret in secrets {
            secret.withValue { value in
                guard value.count >= Self.minimumLength else { return }
                for form in Self.forms(of: value) where result.contains(form) {
                    result = result.replacingOccurrences(of: form, with: Self.placeholder)
                }
                if value.count > Self.prefixLength { result = Self.redactTokens(startingWith: String(value.prefix(Self.prefixLength)), in: result) }
            }
        }
        return result
    }

    /// The value and its encodings, longest first.
    private static func forms(of value: String) -> [String] {
        let base64 = Data(value.utf8).base64EncodedString()
        let unpadded = base64.trimmingCharacters(in: ["="])
        let base64URL = unpadded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        var forms = [value, base64, unpadded, base64URL]
        forms += [CharacterSet.alphanumerics, .urlQueryAllowed].compactMap { value.addingPercentEncoding(withAllowedCharacters: $0) }
        return Set(forms).sorted { $0.count > $1.count }
    }

    /// Characters that end a token in an error text (JSON, form or header syntax, or a space); sentence
    /// punctuation right after a token is kept too.
    private static let tokenEnd = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'`,;&<>()[]{}\\"))

    private static func redactTokens(startingWith prefix: String, in text: String) -> String {
        var result = text
        var searchStart = result.startIndex
        while let found = result.range(of: prefix, range: searchStart..<result.endIndex) {
            var end = found.upperBound
            while end < result.endIndex, !result[end].unicodeScalars.contains(where: { tokenEnd.contains($0) }) {
                end = result.index(after: end)
            }
            while end > found.upperBound, ".:!?".contains(result[result.index(before: end)]) {
                end = result.index(before: end)
            }
            result.replaceSubrange(found.lowerBound..<end, with: placeholder)
            searchStart = result.index(found.lowerBound, offsetBy: placeholder.count)
        }
        return result
    }
}

extension AttemptOutcome {
    /// The outcome with `redaction` applied to the upstream text it carries.
    func redacting(_ redaction: SecretRedaction) -> AttemptOutcome {
        switch self {
        case .status(let status, let body): .status(status, body: redaction.apply(body))
        case .unparseableResponse(let message): .unparseableResponse(redaction.apply(message))
        case .credentialUnavailable(let message): .credentialUnavailable(redaction.apply(message))
        case .success, .timedOut, .connectionReset: self
        }
    }
}
