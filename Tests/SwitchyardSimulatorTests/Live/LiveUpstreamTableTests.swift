import XCTest
import SwitchyardConfig
import SwitchyardPlan
@testable import SwitchyardSimulator

/// Numbering upstreams, pointing the plan at the mock server, and telling which credential a request carried.
final class LiveUpstreamTableTests: XCTestCase {
    private func plan() throws -> RoutingPlan {
        let scratch = RunnerScratch()
        let file = scratch.write("tensorzero.toml", LiveWireFormatsTests.config)
        let environment = Environment(["OPENAI_KEY": "sk-openai", "ANTHROPIC_KEY": "sk-anthropic", "AZURE_KEY": "azure-key"])
        let compilation = Compiler.compile(configAt: file, environment: environment)
        return try XCTUnwrap(compilation.plan, "\(compilation.diagnostics.map(\.description))")
    }

    func testEveryProviderIsRedirectedToItsNumberedPathOnTheMockPort() throws {
        let plan = try plan()
        let table = LiveUpstreamTable(plan: plan)
        XCTAssertEqual(table.upstreams.map(\.key.description), ["chain.dropped", "chain.garbled", "chain.failing", "chain.serving"])
        let redirected = table.redirected(plan, port: 4321)
        XCTAssertEqual(redirected.models["chain"]?.routing.map(\.endpoint), [
            "http://127.0.0.1:4321/upstream/0", "http://127.0.0.1:4321/upstream/1", "http://127.0.0.1:4321/upstream/2",
            "http://127.0.0.1:4321/upstream/3",
        ])
        XCTAssertEqual(table.number(inPath: "/upstream/2/openai/deployments/gpt-4o-mini/chat/completions?api-version=1"), 2)
        XCTAssertEqual(table.number(inPath: "/upstream/3/messages"), 3)
        XCTAssertNil(table.number(inPath: "/upstream/4/messages"))
        XCTAssertNil(table.number(inPath: "/v1/chat/completions"))
    }

    func testTheCredentialIsTheFirstLocationOfTheChainWhoseValueWasSent() throws {
        let chain = try XCTUnwrap(plan().models["chain"]?.routing.last?.credentials)
        let matcher = LiveCredentialMatcher(environment: ["ANTHROPIC_KEY": Secret("sk-shared"), "OTHER": Secret("sk-other")])
        let dynamic = ["customer_key": Secret("sk-customer")]
        let fromDefault = matcher.match(Secret("sk-customer"), chain: chain, requestCredentials: dynamic)
        XCTAssertEqual(fromDefault?.location, "dynamic::customer_key")
        XCTAssertEqual(fromDefault?.isFallback, false)
        let fromFallback = matcher.match(Secret("sk-shared"), chain: chain, requestCredentials: [:])
        XCTAssertEqual(fromFallback?.location, "env::ANTHROPIC_KEY")
        XCTAssertEqual(fromFallback?.isFallback, true)
        let sameValueBothSides = matcher.match(Secret("sk-shared"), chain: chain, requestCredentials: ["customer_key": Secret("sk-shared")])
        XCTAssertEqual(sameValueBothSides?.location, "dynamic::customer_key")
        XCTAssertNil(matcher.match(Secret("sk-other"), chain: chain, requestCredentials: dynamic))
        XCTAssertNil(matcher.match(nil, chain: chain, requestCredentials: dynamic))
    }

    func testTheRequestMarkerSurvivesAnyWireFormat() {
        let text = LiveRequestMarker.text(for: 1207)
        for body in [#"{"messages":[{"role":"user","content":"\#(text)"}]}"#, #"{"messages":[{"content":[{"type":"text","text":"\#(text)"}]}]}"#] {
            XCTAssertEqual(LiveRequestMarker.number(in: body), 1207)
        }
        XCTAssertNil(LiveRequestMarker.number(in: #"{"messages":[]}"#))
    }
}
