import Foundation
import SwitchyardConfig

/// Checks, as TensorZero does when it starts, whether each credential location can be resolved.
/// It reads variables and files only to learn whether they exist; no value leaves this type.
public struct StartupCredentialCheck: Sendable {
    public let environment: Environment
    /// Folder against which relative `path::` files resolve (TensorZero uses its working directory).
    public let workingDirectory: String

    public init(environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The outcome of checking one location.
    public struct Outcome: Sendable {
        public var status: CredentialStatus
        /// Why the location cannot be resolved (TensorZero's wording), when `status == .missing`.
        public var failure: String?
    }

    /// Checks `location` for a provider of `type`; `startupName` is the type's name in startup errors.
    public func check(_ location: CredentialLocation, startupName: String) -> Outcome {
        switch location {
        case .env(let name):
            return environment.isSet(name)
                ? Outcome(status: .available)
                : Outcome(status: .missing, failure: "API key missing for provider \(startupName): Environment variable `\(name)` is missing")
        case .pathFromEnv(let name):
            guard let path = environment.value(name) else {
                return Outcome(status: .missing, failure: "API key missing for provider \(startupName): Environment variable `\(name)` for credentials path is missing")
            }
            return checkFile(path, startupName: startupName)
        case .path(let path):
            return checkFile(path, startupName: startupName)
        case .dynamic:
            return Outcome(status: .perRequest)
        case .sdk:
            return Outcome(status: .providerSDK)
        case .none:
            return Outcome(status: .noCredential)
        }
    }

    /// The contents of a credential file, for format checks (GCP key files). Callers must not print it.
    func fileContents(of location: CredentialLocation) -> Data? {
        switch location {
        case .path(let path): FileManager.default.contents(atPath: resolve(path))
        case .pathFromEnv(let name): environment.value(name).flatMap { FileManager.default.contents(atPath: resolve($0)) }
        default: nil
        }
    }

    /// The file a `path::` or `path_from_env::` location names, resolved against the working directory.
    func filePath(of location: CredentialLocation) -> String? {
        switch location {
        case .path(let path): resolve(path)
        case .pathFromEnv(let name): environment.value(name).map(resolve)
        default: nil
        }
    }

    private func checkFile(_ path: String, startupName: String) -> Outcome {
        let resolved = resolve(path)
        if FileManager.default.isReadableFile(atPath: resolved), !isDirectory(resolved) {
            return Outcome(status: .available)
        }
        let reason = FileManager.default.fileExists(atPath: resolved) ? "Permission denied" : "No such file or directory (os error 2)"
        return Outcome(status: .missing, failure: "API key missing for provider \(startupName): Failed to read credentials file - \(reason)")
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
