import ArgumentParser
import Foundation
import SwitchyardConfig
import SwitchyardPlan

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "The routing change between two configs or plans, as Markdown for a pull request.",
        discussion: """
            Each side is a config (path or glob, compiled with a stand-in for every credential variable, so no \
            secret is needed) or a plan written by `switchyard compile -o` (a .json file). With --git REV, the \
            config as committed at REV is compared with the working tree.

            Review rules (--deny, repeatable): \(DenyRule.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")).

            Exit codes: 0 ok, 1 a config or plan is invalid, 3 the change crosses a denied rule.

            Examples:
              switchyard diff old/tensorzero.toml new/tensorzero.toml
              switchyard diff --git origin/main --config config/tensorzero.toml --deny lost-last-fallback
              switchyard diff plan-before.json plan-after.json
            """
    )

    @Argument(help: ArgumentHelp("The old and the new config or plan (one with --git, none to use --config).", valueName: "old-and-new"))
    var sides: [String] = []

    @Option(help: ArgumentHelp("Compare the config at this git revision with the working tree.", valueName: "rev"))
    var git: String?

    @Option(help: ArgumentHelp("The config to compare with --git (defaults as for every command).", valueName: "path-or-glob"))
    var config: String?

    @Option(help: ArgumentHelp("A dotenv file replacing stand-in credential variables.", valueName: "file"))
    var envFile: String?

    @Option(help: ArgumentHelp("Exit 3 when the change crosses this rule.", valueName: "rule"))
    var deny: [DenyRule] = []

    func validate() throws {
        if git == nil, sides.count != 2 { throw ValidationError("Give the old and the new config or plan, or --git REV.") }
        if git != nil, !sides.isEmpty { throw ValidationError("With --git, name the config with --config, not as an argument.") }
    }

    func run() throws {
        var overrides = Environment()
        if let envFile {
            let (fileEnvironment, diagnostics) = EnvironmentFile.read(envFile)
            guard diagnostics.isEmpty else { throw ValidationError(diagnostics.map(\.description).joined(separator: "\n")) }
            overrides = fileEnvironment
        }
        let diff: PlanDiff
        if let git {
            let pattern = try ConfigOptions.configPattern(config)
            let checkout = try GitRevision(git).checkout(folderOf: pattern)
            defer { try? FileManager.default.removeItem(atPath: checkout.root) }
            diff = PlanDiff(
                old: try plan(checkout.pattern, overrides: overrides), new: try plan(pattern, overrides: overrides),
                oldName: "\(git):\(pattern)", newName: pattern
            )
        } else {
            diff = PlanDiff(old: try plan(sides[0], overrides: overrides), new: try plan(sides[1], overrides: overrides), oldName: sides[0], newName: sides[1])
        }
        print(diff.markdown(denying: Set(deny)), terminator: "")
        if !diff.denied(by: Set(deny)).isEmpty { throw reviewRuleCrossed }
    }

    /// The plan of a config, or the plan in a `.json` file.
    private func plan(_ side: String, overrides: Environment) throws -> RoutingPlan {
        if side.hasSuffix(".json") {
            do {
                return try PlanFile.load(side)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw invalidConfig
            }
        }
        let (compilation, _, _) = StandInEnvironment.compile(configAt: side, overrides: overrides)
        guard let plan = compilation.plan else {
            print(CheckReport(compilation).text, terminator: "")
            throw invalidConfig
        }
        return plan
    }
}

extension DenyRule: ExpressibleByArgument {}
