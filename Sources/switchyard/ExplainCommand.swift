import ArgumentParser
import SwitchyardPlan

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the routing tree: functions → variants → models → providers → credentials.",
        discussion: """
            Examples:
              switchyard explain --config config/tensorzero.toml
              switchyard explain --config config/tensorzero.toml generate_haiku
              switchyard explain --config config/tensorzero.toml gpt_4o_mini_1
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "A function or model to explain (default: every function and model).")
    var name: String?

    func run() throws {
        let compilation = try options.compile()
        guard let plan = compilation.plan else {
            print(CheckReport(compilation).text, terminator: "")
            throw invalidConfig
        }
        guard let text = PlanExplainer(plan: plan).explain(name) else {
            throw ValidationError("`\(name ?? "")` is neither a function nor a model of this config.")
        }
        print(text, terminator: "")
    }
}
