import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// Turns a plan endpoint into a URL for one attempt: literal endpoints pass through; `env::` / `path::` /
/// `path_from_env::` locations are read from the environment the gateway started with; `dynamic::` ones
/// (Azure's `endpoint`, AWS's `endpoint_url`) come with the attempt. An AWS endpoint built from the region
/// (`https://bedrock-runtime.{region …}.amazonaws.com`) gets the attempt's region.
struct EndpointResolver: Sendable {
    let environment: Environment
    let workingDirectory: String
    /// The region `region = "sdk"` leads to (environment, then the profile), read once.
    let sdkRegion: String?

    init(environment: Environment, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        sdkRegion = AWSRegionChain.resolve(environment, workingDirectory: workingDirectory)
    }

    /// Why an endpoint or region cannot be used.
    enum Failure: Error, CustomStringConvertible {
        case unsetVariable(String)
        case unreadableFile(String)
        case perRequestLocation(String)
        case noRegion
        case invalidDynamicURL

        var description: String {
            switch self {
            case .unsetVariable(let name): "endpoint environment variable `\(name)` is not set"
            case .unreadableFile(let path): "the endpoint file `\(path)` cannot be read"
            case .perRequestLocation(let location): "endpoint location `\(location)` is resolved per request"
            case .noRegion: AWSRegionChain.failure
            case .invalidDynamicURL: "Invalid dynamic endpoint URL: the request's value is not an absolute URL"
            }
        }
    }

    /// The URL `attempt` goes to.
    func resolve(for attempt: ProviderAttempt) -> Result<String, Failure> {
        let provider = attempt.provider
        let url: String
        switch CredentialLocation(parsing: provider.endpoint) {
        case .dynamic(let key)?:
            guard let value = attempt.fields[provider.type == .azure ? "endpoint" : "endpoint_url"]?.withValue({ $0 }) else {
                return .failure(.perRequestLocation("dynamic::\(key)"))
            }
            guard Self.isAbsoluteURL(value) else { return .failure(.invalidDynamicURL) }
            url = value
        case let location?:
            switch staticValue(location) {
            case .success(let value): url = value
            case .failure(let failure): return .failure(failure)
            }
        case nil:
            url = provider.endpoint
        }
        guard let open = url.range(of: "{region"), let close = url.range(of: "}", range: open.upperBound..<url.endIndex) else {
            return .success(url)
        }
        return region(for: attempt).map { url.replacingCharacters(in: open.lowerBound..<close.upperBound, with: $0) }
    }

    /// The AWS region of `attempt`: its `region` setting (a literal, a location, or `sdk`), else the SDK chain.
    func region(for attempt: ProviderAttempt) -> Result<String, Failure> {
        guard let written = attempt.provider.settings["region"] else { return sdkRegion.map { .success($0) } ?? .failure(.noRegion) }
        switch CredentialLocation(parsing: written) {
        case nil: return .success(written)
        case .dynamic(let key)?: return attempt.fields["region"].map { .success($0.withValue { $0 }) } ?? .failure(.perRequestLocation("dynamic::\(key)"))
        case .sdk?, CredentialLocation.none?: return sdkRegion.map { .success($0) } ?? .failure(.noRegion)
        case let location?: return staticValue(location)
        }
    }

    /// Whether `endpoint` can be used at all in this environment (a `dynamic::` one is checked per request).
    func checkAtStartup(_ endpoint: String) -> Failure? {
        guard let location = CredentialLocation(parsing: endpoint), location.form != .dynamic else { return nil }
        if case .failure(let failure) = staticValue(location) { return failure }
        return nil
    }

    /// A location read at startup: a variable's value or a file's contents (trimmed).
    private func staticValue(_ location: CredentialLocation) -> Result<String, Failure> {
        switch location {
        case .env(let name):
            return environment.value(name).map { .success($0) } ?? .failure(.unsetVariable(name))
        case .path(let path):
            return read(path)
        case .pathFromEnv(let name):
            guard let path = environment.value(name) else { return .failure(.unsetVariable(name)) }
            return read(path)
        case .dynamic, .sdk, .none:
            return .failure(.perRequestLocation(location.description))
        }
    }

    private func read(_ path: String) -> Result<String, Failure> {
        let resolved = path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: resolved) else { return .failure(.unreadableFile(path)) }
        return .success(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func isAbsoluteURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host != nil
    }
}
