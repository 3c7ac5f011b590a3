import ArgumentParser
import SwitchyardConfig
import SwitchyardPlan

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the routing tree: functions → variants → models → providers → credentials.",
        discussion: """
            --format mermaid or dot draws the same tree as a diagram (Mermaid renders in a pull-request
            comment); --outage LOCATION greys out what that credential location failing removes.

            Examples:
              switchyard explain --config config/tensorzero.toml
              switchyard explain --config config/tensorzero.toml generate_haiku
              switchyard explain --config config/tensorzero.toml gpt_4o_mini_1
              switchyard explain --config config/tensorzero.toml --format mermaid --outage env::OPENAI_API_KEY
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, mermaid, dot
    }

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output format: text, mermaid or dot.")
    var format: Format = .text

    @Option(help: "A credential location (such as env::OPENAI_API_KEY) to draw as failed; needs --format mermaid or dot.")
    var outage: String?

    @Argument(help: "A function or model to explain (default: every function and model).")
    var name: String?

    func validate() throws {
        if outage != nil && format == .text { throw ValidationError("--outage draws on a diagram; add --format mermaid or --format dot.") }
    }

    func run() throws {
        let compilation = try options.compile()
        guard let plan = compilation.plan else {
            print(CheckReport(compilation).text, terminator: "")
            throw invalidConfig
        }
        let unknownName = ValidationError("`\(name ?? "")` is neither a function nor a model of this config.")
        guard format != .text else {
            guard let text = PlanExplainer(plan: plan).explain(name) else { throw unknownName }
            print(text, terminator: "")
            return
        }
        guard let graph = RoutingGraph(plan: plan, name: name, outage: try outage.map { try failedLocation($0, in: plan) }) else { throw unknownName }
        print(format == .mermaid ? MermaidRenderer.render(graph) : DotRenderer.render(graph), terminator: "")
    }

    /// The outage for `text`, which must be a credential location the plan uses.
    private func failedLocation(_ text: String, in plan: RoutingPlan) throws -> CredentialOutage {
        guard let location = CredentialLocation(parsing: text) else { throw ValidationError(CredentialLocation.formatError(text)) }
        guard plan.credentials[location.description] != nil else {
            let known = plan.credentials.keys.sorted().joined(separator: ", ")
            throw ValidationError("`\(text)` is not a credential location of this config; it uses \(known.isEmpty ? "none" : known).")
        }
        return CredentialOutage(location: location, plan: plan)
    }
}
