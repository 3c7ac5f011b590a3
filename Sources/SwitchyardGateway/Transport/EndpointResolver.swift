import SwitchyardConfig

/// Turns a plan endpoint into a URL: literal endpoints pass through; `env::NAME` locations (Azure's
/// `endpoint`) are read from the environment the gateway started with.
struct EndpointResolver: Sendable {
    let environment: Environment

    /// Why an endpoint cannot be used, or `nil` when it resolves.
    enum Failure: Error, CustomStringConvertible {
        case unsetVariable(String)
        case perRequestLocation(String)

        var description: String {
            switch self {
            case .unsetVariable(let name): "endpoint environment variable `\(name)` is not set"
            case .perRequestLocation(let location):
                "endpoint location `\(location)` is resolved per request, which this build's gateway does not support yet"
            }
        }
    }

    func resolve(_ endpoint: String) -> Result<String, Failure> {
        guard let location = CredentialLocation(parsing: endpoint) else { return .success(endpoint) }
        switch location {
        case .env(let name):
            guard let value = environment.value(name) else { return .failure(.unsetVariable(name)) }
            return .success(value)
        default:
            return .failure(.perRequestLocation(endpoint))
        }
    }
}
