import SwitchyardConfig

/// An environment in which every credential variable a config names is set to a distinct stand-in value, so
/// that review tools (`analyze`, `diff`, `simulate --coverage`) see the routing, not which secrets this machine
/// happens to hold. Variables given as `overrides` (an `--env-file`) replace the stand-ins; a
/// `path_from_env::` variable needs one, since it must name a real file.
public enum StandInEnvironment {
    /// The stand-in for variable `name`; never a real credential.
    public static func standIn(variable name: String) -> String { "switchyard-stand-in-for-\(name)" }

    /// The stand-in a request carries for `dynamic::key`.
    public static func standIn(dynamicKey key: String) -> String { "switchyard-stand-in-for-dynamic-\(key)" }

    /// Stand-ins for every `env::` variable `config` reads for credentials, overlaid with `overrides`.
    public static func make(for config: TensorZeroConfig, overrides: Environment) -> Environment {
        let resolver = ProviderCredentialResolver(
            defaults: config.providerTypeDefaults, check: StartupCredentialCheck(environment: overrides), diagnostics: DiagnosticCollector()
        )
        var locations = config.models.flatMap(\.providers).flatMap { resolver.resolve($0).links.map(\.location) }
        for type in ProviderType.allCases where type.hasShorthand {
            locations += resolver.shorthandCredentials(for: type).links.map(\.location)
        }
        var variables: [String: String] = [:]
        for location in locations {
            if case .env(let name) = location { variables[name] = standIn(variable: name) }
        }
        return Environment(variables).overlaid(with: overrides)
    }

    /// Compiles the config at `pattern` in its stand-in environment, resolving relative files against the
    /// config's folder.
    public static func compile(configAt pattern: String, overrides: Environment = Environment()) -> (Compiler.Compilation, Environment, workingDirectory: String) {
        let loaded = ConfigLoader.load(pattern)
        let workingDirectory = loaded.config.files.first.map(folder) ?? "."
        let environment = make(for: loaded.config, overrides: overrides)
        return (Compiler.compile(loaded, environment: environment, workingDirectory: workingDirectory), environment, workingDirectory)
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
