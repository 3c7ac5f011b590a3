import ArgumentParser

@main
struct Switchyard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile, prove and serve TensorZero gateway configurations.",
        discussion: """
            Switchyard reads the `tensorzero.toml` you already have, compiles it into a resolved routing plan, \
            and reports every problem at once with file:line:col and a stable code.

            Exit codes: 0 ok, 1 the config is invalid, 64 bad command-line usage.
            """,
        subcommands: [CheckCommand.self, CompileCommand.self, ExplainCommand.self, CodesCommand.self]
    )
}
