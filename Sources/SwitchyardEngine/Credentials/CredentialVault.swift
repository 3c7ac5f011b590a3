import Foundation
import SwitchyardConfig
import SwitchyardPlan

/// The credential values the gateway holds from startup: every `env::`, `path::` and `path_from_env::`
/// location the plan uses, read once; GCP's Application Default Credentials file for `sdk`; and the keys the
/// AWS credential chain leads to, when an AWS provider relies on it. Values stay `Secret`s; nothing here
/// prints them.
struct CredentialVault: Sendable {
    private var values: [CredentialLocation: Secret] = [:]
    /// The AWS chain's outcome, when an AWS provider uses `sdk` credentials.
    let awsChain: Result<AWSCredentialChain.Keys, AWSCredentialChain.Failure>?

    init(plan: RoutingPlan, environment: Environment, workingDirectory: String) {
        let providers = plan.models.values.flatMap(\.routing) + plan.shorthandModels.values.flatMap(\.routing)
        let locations = providers.flatMap(\.credentials.links).map(\.location) + plan.shorthandCredentials.values.flatMap(\.links).map(\.location)
        for location in Set(locations) where location != .sdk {
            if let value = Self.load(location, environment: environment, workingDirectory: workingDirectory) {
                values[location] = value
            }
        }
        func usesSDK(_ types: Set<ProviderType>) -> Bool {
            providers.contains { types.contains($0.type) && $0.credentials.links.contains { $0.location == .sdk } }
                || plan.shorthandCredentials.contains { types.contains($0.key) && $0.value.links.contains { $0.location == .sdk } }
        }
        if usesSDK([.gcpVertexGemini, .gcpVertexAnthropic]), let path = environment.value("GOOGLE_APPLICATION_CREDENTIALS") {
            values[.sdk] = Self.readFile(path, workingDirectory: workingDirectory)
        }
        awsChain = usesSDK([.awsBedrock, .awsSagemaker]) ? AWSCredentialChain.resolve(environment, workingDirectory: workingDirectory) : nil
    }

    /// The value held for a static location (env or file, or GCP's `sdk` file), if it could be loaded at startup.
    func value(for location: CredentialLocation) -> Secret? { values[location] }

    private static func load(_ location: CredentialLocation, environment: Environment, workingDirectory: String) -> Secret? {
        switch location {
        case .env(let name): return environment.secret(name)
        case .path(let path): return readFile(path, workingDirectory: workingDirectory)
        case .pathFromEnv(let name): return environment.value(name).flatMap { readFile($0, workingDirectory: workingDirectory) }
        case .dynamic, .sdk, .none: return nil
        }
    }

    private static func readFile(_ path: String, workingDirectory: String) -> Secret? {
        let resolved = path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        return FileManager.default.contents(atPath: resolved).map { Secret(String(decoding: $0, as: UTF8.self)) }
    }
}
