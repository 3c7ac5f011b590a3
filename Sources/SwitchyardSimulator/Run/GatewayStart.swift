import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// Starting the simulated gateway: compile the config against the phase's environment, as TensorZero does at
/// startup, and build the engine when it compiles.
struct GatewayStart {
    let environment: [String: String]
    /// The folder relative credential files resolve against (the config's).
    let workingDirectory: String
    /// The engine, when startup succeeded.
    let engine: Engine?
    /// The errors that stopped startup, when it failed.
    let failures: [Diagnostic]

    /// The startup errors, `path:line:col: …` each.
    var errors: [String] { failures.map(\.description) }

    init(config: ConfigLoader.Result, environment: [String: String], workingDirectory: String) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        let compilation = Compiler.compile(config, environment: Environment(environment), workingDirectory: workingDirectory)
        if let plan = compilation.plan {
            engine = Engine(plan: plan, environment: Environment(environment), workingDirectory: workingDirectory)
            failures = []
        } else {
            engine = nil
            failures = compilation.diagnostics.filter { $0.severity == .error }
        }
    }
}
