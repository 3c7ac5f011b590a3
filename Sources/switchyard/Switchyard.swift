import ArgumentParser

@main
struct Switchyard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile, prove and serve TensorZero gateway configurations.",
        discussion: """
            Switchyard reads the `tensorzero.toml` you already have, compiles it into a resolved routing plan, \
            and reports every problem at once with file:line:col and a stable code.

            Exit codes: 0 ok, 1 the config (or a scenario file) is invalid, 2 a scenario expectation failed, 3 a review rule was crossed \
            (analyze --fail-on, diff --deny, simulate --fail-under), 64 bad command-line usage.
            """,
        subcommands: [
            CheckCommand.self, CompileCommand.self, ExplainCommand.self, SimulateCommand.self, AnalyzeCommand.self, DiffCommand.self,
            ServeCommand.self, CodesCommand.self,
        ]
    )
}
