import Foundation
import SwitchyardConfig
import SwitchyardPlan
import XCTest

/// `switchyard explain --format mermaid|dot [--outage LOCATION]` of a few examples, compared with `golden/`
/// byte for byte.
final class GoldenDiagramTests: XCTestCase {
    /// Example, outage, format and the golden file it is compared with.
    private let diagrams: [(example: String, outage: CredentialLocation?, format: String, file: String)] = [
        ("scenarios/load-balancing", nil, "mmd", "explain.mmd"),
        ("scenarios/load-balancing", .env("OPENAI_API_KEY_1"), "mmd", "explain-outage-OPENAI_API_KEY_1.mmd"),
        ("scenarios/fallbacks-and-retries", nil, "dot", "explain.dot"),
        ("scenarios/fallbacks-and-retries", .env("ANTHROPIC_API_KEY"), "mmd", "explain-outage-ANTHROPIC_API_KEY.mmd"),
        ("scenarios/fallback-credential", .dynamic("customer_openai_api_key"), "mmd", "explain-outage-customer_openai_api_key.mmd"),
        ("scenarios/custom-env-variable", .env("MY_TEAM_OPENAI_KEY"), "dot", "explain-outage-MY_TEAM_OPENAI_KEY.dot"),
    ]

    func testDiagramsMatchTheirGoldenFiles() throws {
        var problems: [String] = []
        for diagram in diagrams {
            let plan = try compile(diagram.example)
            let outage = diagram.outage.map { CredentialOutage(location: $0, plan: plan) }
            let graph = try XCTUnwrap(RoutingGraph(plan: plan, name: nil, outage: outage))
            let actual = diagram.format == "mmd" ? MermaidRenderer.render(graph) : DotRenderer.render(graph)
            let golden = "golden/\(diagram.example)/\(diagram.file)"
            switch try GoldenFiles.compare(actual, with: golden) {
            case .match: break
            case .recorded: problems.append("recorded \(golden); unset SWITCHYARD_RECORD_GOLDEN and run again")
            case .mismatch(let diff): problems.append("\(golden) differs:\n\(diff)")
            }
        }
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n\n"))
    }

    /// Losing one of the two keys costs a variant, not the function; losing the only key costs the function.
    func testOutagesRemoveWhatHasNoOtherRoute() throws {
        let balanced = try compile("scenarios/load-balancing")
        let oneKeyLost = CredentialOutage(location: .env("OPENAI_API_KEY_1"), plan: balanced)
        XCTAssertEqual(oneKeyLost.lostVariants, [.init(function: "generate_haiku", variant: "gpt_4o_mini_1")])
        XCTAssertEqual(oneKeyLost.lostFunctions, [])
        let single = CredentialOutage(location: .env("MY_TEAM_OPENAI_KEY"), plan: try compile("scenarios/custom-env-variable"))
        XCTAssertEqual(single.lostFunctions, ["summarize_ticket"])
        let withFallback = CredentialOutage(location: .dynamic("customer_openai_api_key"), plan: try compile("scenarios/fallback-credential"))
        XCTAssertEqual(withFallback.lostProviders, [])
    }

    /// The README's example is the golden diagram, so the documentation cannot drift from the tool.
    func testTheReadmeShowsTheGoldenDiagram() throws {
        let readme = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let golden = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("golden/scenarios/load-balancing/explain-outage-OPENAI_API_KEY_1.mmd"), encoding: .utf8)
        XCTAssertTrue(readme.contains("```mermaid\n" + golden + "```"))
    }

    private func compile(_ example: String) throws -> RoutingPlan {
        let root = GoldenFiles.packageRoot
        let (environment, _) = EnvironmentFile.read(root.appendingPathComponent("\(example)/example.env").path)
        let loaded = GoldenFiles.withCurrentDirectory(root) { ConfigLoader.load("\(example)/tensorzero.toml") }
        let compilation = Compiler.compile(loaded, environment: environment, workingDirectory: root.appendingPathComponent(example).path)
        return try XCTUnwrap(compilation.plan, "\(example) does not compile")
    }
}
