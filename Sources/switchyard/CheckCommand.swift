import ArgumentParser
import SwitchyardPlan

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a config and report every problem at once.",
        discussion: """
            Checks what TensorZero checks at startup (schema, routing, variants, experimentation, timeouts, \
            credentials against the environment) and warns about what it lets through silently.

            Examples:
              switchyard check --config config/tensorzero.toml
              switchyard check --config 'config/*.toml' --env-file .env --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let report = CheckReport(try options.compile())
        print(format == .json ? report.json : report.text, terminator: "")
        if !report.isValid { throw invalidConfig }
    }
}
