import Foundation
import SwitchyardConfig

/// The AWS SDKs' default credential chain as far as this build can follow it offline: the environment's
/// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`, then the selected profile's keys in
/// the shared files. Web identity, container and instance-metadata credentials need AWS endpoints this
/// build does not call, so reaching them is a failure that says so.
public enum AWSCredentialChain {
    /// A key pair the chain found. The values never print.
    public struct Keys: Sendable, Hashable {
        public var accessKeyID: Secret
        public var secretAccessKey: Secret
        public var sessionToken: Secret?
        /// Where the keys came from (`the environment`, `profile `dev` in `/home/u/.aws/credentials``).
        public var source: String
    }

    /// Why the chain found no usable keys. The message names files and variables, never values.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
        /// The shared file at fault, when one is (missing, unreadable or malformed).
        public var file: String?
    }

    /// Profile properties that need an AWS call (STS, SSO) or a process to produce keys.
    static let unsupportedProfileSources = [
        "role_arn": "assume-role (`role_arn`)", "credential_process": "`credential_process`", "sso_session": "IAM Identity Center (`sso_session`)",
        "sso_start_url": "IAM Identity Center (`sso_start_url`)", "web_identity_token_file": "web identity (`web_identity_token_file`)",
    ]

    /// The keys `environment` leads to, or why there are none.
    public static func resolve(_ environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) -> Result<Keys, Failure> {
        if let keyID = nonEmpty("AWS_ACCESS_KEY_ID", environment), let secret = nonEmpty("AWS_SECRET_ACCESS_KEY", environment) {
            let token = nonEmpty("AWS_SESSION_TOKEN", environment)
            return .success(Keys(accessKeyID: Secret(keyID), secretAccessKey: Secret(secret), sessionToken: token.map(Secret.init), source: "the environment"))
        }
        let files = AWSSharedFiles(environment: environment, workingDirectory: workingDirectory)
        let loaded: AWSSharedFiles.Loaded
        switch files.load() {
        case .success(let found): loaded = found
        case .failure(let problem): return .failure(Failure(description: problem.description, file: problem.path))
        }
        if let properties = loaded.properties(of: files.profile) {
            if let keyID = properties["aws_access_key_id"], let secret = properties["aws_secret_access_key"] {
                let file = loaded.credentials?.profiles[files.profile]?["aws_access_key_id"] != nil ? loaded.credentials?.path : loaded.config?.path
                return .success(Keys(
                    accessKeyID: keyID, secretAccessKey: secret, sessionToken: properties["aws_session_token"],
                    source: "profile `\(files.profile)` in `\(file ?? "")`"
                ))
            }
            if let source = unsupportedProfileSources.keys.sorted().first(where: { properties[$0] != nil }) {
                return .failure(Failure(
                    description: "profile `\(files.profile)` gets its credentials through \(unsupportedProfileSources[source]!), which this build does not support; give the profile `aws_access_key_id` and `aws_secret_access_key`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`",
                    file: nil
                ))
            }
            if files.profileIsExplicit {
                return .failure(Failure(description: "profile `\(files.profile)` \(files.searched) has no `aws_access_key_id` and `aws_secret_access_key`", file: nil))
            }
        } else if files.profileIsExplicit {
            return .failure(Failure(description: "`AWS_PROFILE` names the profile `\(files.profile)`, which is not defined \(files.searched)", file: nil))
        }
        if environment.isSet("AWS_WEB_IDENTITY_TOKEN_FILE") {
            return .failure(Failure(description: "web identity credentials (`AWS_WEB_IDENTITY_TOKEN_FILE`) need AWS STS, which this build does not call", file: nil))
        }
        for variable in ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"] where environment.isSet(variable) {
            return .failure(Failure(description: "container credentials (`\(variable)`) are not available in this build", file: nil))
        }
        return .failure(Failure(
            description: "no AWS credentials found: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` are not both set, and the profile `\(files.profile)` \(files.searched) has no keys; instance-metadata (IMDS) credentials are not available in this build",
            file: nil
        ))
    }

    private static func nonEmpty(_ name: String, _ environment: Environment) -> String? {
        environment.value(name).flatMap { $0.isEmpty ? nil : $0 }
    }
}
