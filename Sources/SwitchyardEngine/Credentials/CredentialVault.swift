import Foundation
import SwitchyardConfig
import SwitchyardPlan

/// The credential values the gateway holds from startup: every `env::`, `path::` and `path_from_env::`
/// location the plan uses, read once. Values stay `Secret`s; nothing here prints them.
struct CredentialVault: Sendable {
    private var values: [CredentialLocation: Secret] = [:]

    init(plan: RoutingPlan, environment: Environment, workingDirectory: String) {
        let locations = (plan.models.values.flatMap(\.routing) + plan.shorthandModels.values.flatMap(\.routing))
            .flatMap(\.credentials.links).map(\.location)
            + plan.shorthandCredentials.values.flatMap(\.links).map(\.location)
        for location in Set(locations) {
            if let value = Self.load(location, environment: environment, workingDirectory: workingDirectory) {
                values[location] = value
            }
        }
    }

    /// The value held for a static location (env or file), if it could be loaded at startup.
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
