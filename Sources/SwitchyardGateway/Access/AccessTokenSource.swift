import Foundation
import SwitchyardConfig

/// Reads the gateway's bearer tokens: from an environment variable (separated by commas or newlines) or from a
/// file (one token per line; blank lines and `#` comments are skipped, also after a token). A token is
/// visible ASCII without spaces, as an `Authorization` header carries it. Errors never show a token.
public enum AccessTokenSource {
    /// Why the tokens cannot be read; `description` names the variable or `file:line`, never a value.
    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The tokens in the variable `name` of `environment`.
    public static func tokens(inVariable name: String, of environment: Environment) throws(LoadError) -> [Secret] {
        guard let value = environment.secret(name) else {
            throw LoadError(description: "--auth-tokens-env: the variable `\(name)` is not set")
        }
        let tokens = value.withValue { text in
            text.split(whereSeparator: { $0 == "," || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var secrets: [Secret] = []
        for (index, token) in tokens.enumerated() where !token.isEmpty {
            guard isToken(token) else {
                throw LoadError(description: "--auth-tokens-env: token \(index + 1) of `\(name)` holds a space, a control or a non-ASCII character (it is not shown: it is a secret)")
            }
            secrets.append(Secret(token))
        }
        guard !secrets.isEmpty else { throw LoadError(description: "--auth-tokens-env: the variable `\(name)` holds no token") }
        return secrets
    }

    /// The tokens in the file at `path`.
    public static func tokens(inFile path: String) throws(LoadError) -> [Secret] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read the token file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(description: "\(path): the token file is not UTF-8 text")
        }
        var secrets: [Secret] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            let token = String(parts[0])
            let rest = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            guard isToken(token), rest.isEmpty || rest.hasPrefix("#") else {
                throw LoadError(description: "\(path):\(index + 1): expected one token (visible ASCII, no spaces), optionally followed by a `#` comment (the line is not shown: it may hold a secret)")
            }
            secrets.append(Secret(token))
        }
        guard !secrets.isEmpty else { throw LoadError(description: "\(path): the token file holds no token") }
        return secrets
    }

    /// Whether `text` can be sent as a bearer token: visible ASCII (`!` to `~`), not empty.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
