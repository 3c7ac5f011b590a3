import XCTest
@testable import SwitchyardPlan

/// `explain --format dot`: quoted labels that cannot break out, and the outage's lost nodes greyed.
final class DotRendererTests: XCTestCase {
    func testLabelsCannotLeaveTheirQuotes() {
        XCTAssertEqual(DotRenderer.escape(#"a "b" \c"#), #"a \"b\" \\c"#)
        XCTAssertEqual(DotRenderer.escape("two\nlines"), "two lines")
    }

    func testTheOutageGreysExactlyTheLostNodes() throws {
        let plan = try RoutingDiagramFixture.plan()
        let text = DotRenderer.render(try XCTUnwrap(RoutingGraph(plan: plan, name: "mixed", outage: CredentialOutage(location: .env("KEY_A"), plan: plan))))
        let greyed = text.split(separator: "\n").filter { $0.contains("fillcolor=\"#eeeeee\"") }.map { $0.split(separator: "\"")[1] }
        // Candidates in name order: v_shared (model shared: a, then b), then v_solo.
        XCTAssertEqual(greyed, [
            #"provider a\nopenai gpt-4o-mini"#, #"env::KEY_A\navailable"#, #"variant v_solo\nchat_completion"#, "model solo",
            #"provider p\nopenai gpt-4o-mini"#,
        ])
        XCTAssertTrue(text.hasPrefix("// outage: env::KEY_A cannot be resolved\n"), text)
        XCTAssertTrue(text.contains("digraph routing {\n"), text)
        XCTAssertTrue(text.hasSuffix("}\n"), text)
    }
}
