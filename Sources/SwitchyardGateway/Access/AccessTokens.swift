import Crypto
import SwitchyardConfig

/// The bearer tokens the gateway accepts (`serve --auth-tokens-env` / `--auth-tokens-file`), held only as
/// SHA-256 digests: the token text is never stored, printed or logged.
public struct AccessTokens: Sendable {
    private let digests: [TokenDigest]

    /// The tokens `secrets` hold; at least one.
    public init(_ secrets: [Secret]) {
        digests = secrets.map { secret in secret.withValue { TokenDigest(of: $0) } }
    }

    /// How many tokens are accepted.
    public var count: Int { digests.count }

    /// Whether `presented` is one of the tokens. The time taken does not depend on where (or whether) it
    /// differs from any token: the presented token is hashed, then compared with every digest in full.
    func accepts(_ presented: Substring) -> Bool {
        let candidate = TokenDigest(of: presented)
        var matched = false
        for digest in digests {
            matched = digest.equalsInConstantTime(candidate) || matched
        }
        return matched
    }
}

/// A token's SHA-256 digest as four words, compared without an early exit.
struct TokenDigest: Sendable {
    private let words: (UInt64, UInt64, UInt64, UInt64)

    init(of text: some StringProtocol) {
        let digest = SHA256.hash(data: Array(text.utf8))
        words = digest.withUnsafeBytes { bytes in
            (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// Whether both digests are equal, looking at every bit of both whatever the answer.
    func equalsInConstantTime(_ other: TokenDigest) -> Bool {
        let difference = (words.0 ^ other.words.0) | (words.1 ^ other.words.1) | (words.2 ^ other.words.2) | (words.3 ^ other.words.3)
        return difference == 0
    }
}
