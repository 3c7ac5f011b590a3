import Foundation
import SwitchyardConfig

/// The AWS SDKs' region chain for `region = "sdk"`, offline: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the
/// selected profile's `region` in the shared files. (The SDKs then ask instance metadata, which this build
/// does not.)
public enum AWSRegionChain {
    /// The region `environment` leads to, if any.
    public static func resolve(_ environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment.value(name), !region.isEmpty { return region }
        }
        let files = AWSSharedFiles(environment: environment, workingDirectory: workingDirectory)
        guard case .success(let loaded) = files.load(), let region = loaded.properties(of: files.profile)?["region"] else { return nil }
        let text = region.withValue { $0 }
        return text.isEmpty ? nil : text
    }

    /// Why `resolve` found nothing, for messages.
    public static let failure = "Failed to determine AWS region: `AWS_REGION` and `AWS_DEFAULT_REGION` are unset and the profile has no `region` (instance metadata is not available in this build)"
}
