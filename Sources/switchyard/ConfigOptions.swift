import ArgumentParser
import Foundation
import SwitchyardConfig
import SwitchyardPlan

/// `--config` and `--env-file`, shared by every command that reads a config.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file or glob (quote globs: 'config/*.toml').",
        discussion: "Defaults to ./config/tensorzero.toml, then ./tensorzero.toml, as TensorZero lays them out.",
        valueName: "path-or-glob"
    ))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "A dotenv file whose variables are added to this process's environment.",
        valueName: "file"
    ))
    var envFile: String?

    /// The config pattern to load.
    func configPattern() throws -> String {
        try Self.configPattern(config)
    }

    /// `config`, or the first of TensorZero's default locations that exists.
    static func configPattern(_ config: String?) throws -> String {
        if let config { return config }
        for candidate in ["config/tensorzero.toml", "tensorzero.toml"] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw ValidationError("No config found: pass --config, or run where ./config/tensorzero.toml or ./tensorzero.toml exists.")
    }

    /// The environment the compiled gateway would start with.
    func environment() throws -> Environment {
        let (environment, diagnostics) = EnvironmentFile.processEnvironment(overlaidWith: envFile)
        if !diagnostics.isEmpty {
            throw ValidationError(diagnostics.map(\.description).joined(separator: "\n"))
        }
        return environment
    }

    func compile() throws -> Compiler.Compilation {
        Compiler.compile(configAt: try configPattern(), environment: try environment())
    }
}

/// Exit code 1: the config is invalid.
let invalidConfig = ExitCode(1)
