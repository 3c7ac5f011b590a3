import Foundation
import XCTest
@testable import SwitchyardPlan

/// `explain --format mermaid`: a flowchart whose every line has a form Mermaid accepts, whose labels cannot
/// break out of their quotes, and whose greyed nodes and arrows are exactly what the outage removes.
final class MermaidRendererTests: XCTestCase {
    func testEveryLineHasAFlowchartForm() throws {
        let graph = try XCTUnwrap(RoutingGraph(plan: try RoutingDiagramFixture.plan(), name: nil, outage: nil))
        let lines = MermaidRenderer.render(graph).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "flowchart LR")
        let forms = [
            #"^  n\d+(\(\[|\[/|\{\{|\[\(|\[)"[^"]*"(\]\)|/\]|\}\}|\)\]|\])$"#,
            #"^  n\d+ (-->|-\.->)(\|"[^"|]*"\|)? n\d+$"#,
        ]
        for line in lines.dropFirst() {
            XCTAssertTrue(forms.contains { line.range(of: $0, options: .regularExpression) != nil }, "not a node or edge line: \(line)")
        }
    }

    func testLabelsCannotLeaveTheirQuotes() {
        XCTAssertEqual(MermaidRenderer.escape(#"say "hi" #1 <b>&`x`|y"#), "say #quot;hi#quot; #35;1 #lt;b#gt;#amp;#96;x#96;#124;y")
        XCTAssertEqual(MermaidRenderer.escape("two\nlines"), "two lines")
    }

    func testTheOutageGreysExactlyTheLostNodesAndTheirArrows() throws {
        let plan = try RoutingDiagramFixture.plan()
        let graph = try XCTUnwrap(RoutingGraph(plan: plan, name: nil, outage: CredentialOutage(location: .env("KEY_A"), plan: plan)))
        let text = MermaidRenderer.render(graph)
        let greyed = try XCTUnwrap(line(starting: "  class ", in: text)).dropFirst("  class ".count).dropLast(" lost".count)
        let labels = Set(greyed.split(separator: ",").compactMap { id in graph.nodes.first { $0.id == id }?.lines[0] })
        XCTAssertEqual(labels, [
            "function doomed (chat)", "function bested (chat)", "variant v_solo", "variant only", "variant best",
            "model solo", "provider p", "provider a", "env::KEY_A",
        ])
        // Functions in name order: bested, doomed, judged, mixed.
        XCTAssertEqual(graph.nodes.filter { $0.lines[0] == "variant v_solo" }.map(\.isLost), [true, true, true])
        XCTAssertEqual(graph.nodes.filter { $0.lines[0] == "variant best" }.map(\.isLost), [true, false])

        let styled = try XCTUnwrap(line(starting: "  linkStyle ", in: text)).split(separator: " ")[1].split(separator: ",").compactMap { Int($0) }
        let lostIDs = Set(graph.nodes.filter(\.isLost).map(\.id))
        let expected = graph.edges.indices.filter { lostIDs.contains(graph.edges[$0].from) || lostIDs.contains(graph.edges[$0].to) }
        XCTAssertEqual(styled, expected)
        let chained = try XCTUnwrap(graph.nodes.first { $0.lines[0] == "provider c" })
        XCTAssertEqual(graph.edges.filter { $0.from == chained.id }.map { "\($0.label ?? "") \($0.isLost)" }, ["default true", "fallback false"])
        XCTAssertTrue(text.contains("%% functions left with no route: bested, doomed\n"), text)
    }

    private func line(starting prefix: String, in text: String) -> Substring? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }
    }
}
