import ArgumentParser
import Foundation
import SwitchyardPlan

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a config into a routing plan (canonical JSON, no secrets).",
        discussion: """
            The plan lists every model's routing chain with credential locations and their startup status, and \
            every function's sampling and variants. It is written only when the config has no errors; the file \
            is replaced atomically, never left half-written.

            Examples:
              switchyard compile --config config/tensorzero.toml -o plan.json
              switchyard compile --env-file .env            # prints the plan
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the plan here instead of standard output.", valueName: "plan.json"))
    var output: String?

    func run() throws {
        let compilation = try options.compile()
        let standardError = FileHandle.standardError
        for diagnostic in compilation.diagnostics {
            standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let plan = compilation.plan else { throw invalidConfig }
        guard let output else { return print(plan.canonicalJSON, terminator: "") }
        try plan.writeCanonicalJSON(toFile: output)
    }
}
