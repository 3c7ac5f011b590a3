import Foundation
import SwitchyardConfig

/// One AWS shared file (`~/.aws/credentials` or `~/.aws/config`) read into profiles, the way the AWS SDKs
/// read it: `[name]` sections (`[profile name]` in the config file, except `[default]`), `name = value`
/// properties, `#` and `;` comments, and indented continuation lines (sub-properties, skipped). Values are
/// kept as `Secret`s, since the credentials file holds keys.
public struct AWSProfileFile: Sendable {
    /// Which of the two files this is; they name profile sections differently.
    public enum Kind: Sendable {
        case credentials
        case config
    }

    /// Why a file could not be used. The message names the file and the line, never a value.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String
    }

    public let path: String
    /// Properties of each profile, by profile name.
    public private(set) var profiles: [String: [String: Secret]] = [:]

    /// Reads and parses the file at `path`.
    public static func read(_ path: String, kind: Kind) -> Result<AWSProfileFile, Problem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Problem(path: path, description: "the AWS \(kind.label) file `\(path)` cannot be read"))
        }
        return parse(String(decoding: data, as: UTF8.self), path: path, kind: kind)
    }

    /// Parses `text`, the contents of the file at `path`.
    public static func parse(_ text: String, path: String, kind: Kind) -> Result<AWSProfileFile, Problem> {
        var file = AWSProfileFile(path: path)
        var section: String?
        var sectionSeen = false
        var previousWasProperty = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            func malformed(_ reason: String) -> Result<AWSProfileFile, Problem> {
                .failure(Problem(path: path, description: "the AWS \(kind.label) file `\(path)` is malformed at line \(index + 1): \(reason)"))
            }
            if let first = line.first, first == " " || first == "\t" {
                guard previousWasProperty else { return malformed("an indented line must continue a property") }
                continue
            }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.firstIndex(of: "]") else { return malformed("a section header must end with `]`") }
                let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                section = kind.profileName(ofSection: name)
                sectionSeen = true
                if let section, file.profiles[section] == nil { file.profiles[section] = [:] }
                previousWasProperty = false
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { return malformed("expected `name = value`") }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { return malformed("a property has no name") }
            guard let profile = section else {
                // Properties under a non-profile section (`[sso-session x]`) are skipped; outside any section
                // they are an error, as in the AWS SDKs.
                if sectionSeen { previousWasProperty = true; continue }
                return malformed("a property must follow a `[profile]` section header")
            }
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            file.profiles[profile]![name] = Secret(value)
            previousWasProperty = true
        }
        return .success(file)
    }
}

extension AWSProfileFile.Kind {
    var label: String {
        switch self {
        case .credentials: "shared credentials"
        case .config: "config"
        }
    }

    /// The profile a section header names, or `nil` for sections that are not profiles (`[sso-session x]`).
    func profileName(ofSection header: String) -> String? {
        switch self {
        case .credentials:
            return header
        case .config:
            if header == "default" { return header }
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0] == "profile" else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
    }
}
