import Foundation
import SwitchyardConfig

/// The AWS shared files and profile an environment selects: `AWS_PROFILE` (else `default`),
/// `AWS_SHARED_CREDENTIALS_FILE` (else `~/.aws/credentials`) and `AWS_CONFIG_FILE` (else `~/.aws/config`),
/// with `~` read from the environment's `HOME` and relative paths resolved against the working directory.
public struct AWSSharedFiles: Sendable {
    /// A file's path and whether the environment named it (a named file must exist; a default one may not).
    public struct Location: Sendable {
        public var path: String
        public var isExplicit: Bool
    }

    public let profile: String
    /// Whether `AWS_PROFILE` chose the profile (then it must exist).
    public let profileIsExplicit: Bool
    public let credentials: Location?
    public let config: Location?

    public init(environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        let home = environment.value("HOME").flatMap { $0.isEmpty ? nil : $0 }
        func location(_ variable: String, default relative: String) -> Location? {
            if let named = environment.value(variable), !named.isEmpty {
                let expanded = Self.expand(named, home: home)
                let path = expanded.hasPrefix("/") ? expanded : (workingDirectory as NSString).appendingPathComponent(expanded)
                return Location(path: path, isExplicit: true)
            }
            return home.map { Location(path: ($0 as NSString).appendingPathComponent(relative), isExplicit: false) }
        }
        let named = environment.value("AWS_PROFILE").flatMap { $0.isEmpty ? nil : $0 }
        profile = named ?? "default"
        profileIsExplicit = named != nil
        credentials = location("AWS_SHARED_CREDENTIALS_FILE", default: ".aws/credentials")
        config = location("AWS_CONFIG_FILE", default: ".aws/config")
    }

    /// Both files, parsed; a default file that does not exist counts as empty.
    public struct Loaded: Sendable {
        public var credentials: AWSProfileFile?
        public var config: AWSProfileFile?

        /// The profile's properties: the credentials file's over the config file's; `nil` when neither has it.
        public func properties(of profile: String) -> [String: Secret]? {
            let fromConfig = config?.profiles[profile]
            let fromCredentials = credentials?.profiles[profile]
            guard fromConfig != nil || fromCredentials != nil else { return nil }
            return (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentials in credentials }
        }
    }

    /// Reads the files; a problem names the file (and line) that cannot be used.
    public func load() -> Result<Loaded, AWSProfileFile.Problem> {
        var loaded = Loaded()
        for (location, kind) in [(credentials, AWSProfileFile.Kind.credentials), (config, .config)] {
            guard let location else { continue }
            guard location.isExplicit || FileManager.default.fileExists(atPath: location.path) else { continue }
            switch AWSProfileFile.read(location.path, kind: kind) {
            case .success(let file):
                if kind == .credentials { loaded.credentials = file } else { loaded.config = file }
            case .failure(let problem):
                return .failure(problem)
            }
        }
        return .success(loaded)
    }

    /// Where profiles were looked for, for messages: `in `/home/u/.aws/credentials` and `/home/u/.aws/config``.
    public var searched: String {
        let paths = [credentials, config].compactMap { $0 }.map { "`\($0.path)`" }
        return paths.isEmpty ? "in no shared file (`HOME` is unset)" : "in " + paths.joined(separator: " and ")
    }

    private static func expand(_ path: String, home: String?) -> String {
        guard path.hasPrefix("~/"), let home else { return path }
        return (home as NSString).appendingPathComponent(String(path.dropFirst(2)))
    }
}
