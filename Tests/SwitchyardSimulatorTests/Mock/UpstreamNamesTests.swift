import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// How scenario files name upstreams (`MODEL.PROVIDER`, or a shorthand model by its name) and how results do.
final class UpstreamNamesTests: XCTestCase {
    private func names() throws -> UpstreamNames {
        let dotted = """
            [models."gpt.4o"]
            routing = ["p"]

            [models."gpt.4o".providers.p]
            type = "openai"
            model_name = "gpt-4o"
            api_key_location = "env::KEY1"

            """
        return UpstreamNames(config: ConfigLoader.load(text: twoKeyConfig + dotted, file: "/tmp/upstream-names/tensorzero.toml").config)
    }

    func testResolvesModelAndProvider() throws {
        let names = try names()
        XCTAssertEqual(names.resolve("m1.p"), UpstreamKey(model: "m1", provider: "p"))
        XCTAssertEqual(names.resolve("gpt.4o.p"), UpstreamKey(model: "gpt.4o", provider: "p"), "the provider follows the last dot")
    }

    func testUnknownModelsAndProvidersDoNotResolve() throws {
        let names = try names()
        XCTAssertNil(names.resolve("m1.nope"))
        XCTAssertNil(names.resolve("m9.p"))
        XCTAssertNil(names.resolve("m1"))
    }

    func testAShorthandModelIsNamedByItselfEvenWithDots() throws {
        let names = try names()
        XCTAssertEqual(names.resolve("openai::gpt-4.1-mini"), UpstreamKey(model: "openai::gpt-4.1-mini", provider: "openai"))
        XCTAssertEqual(names.resolve("anthropic::claude-3-5-haiku"), UpstreamKey(model: "anthropic::claude-3-5-haiku", provider: "anthropic"))
    }

    func testDisplayNames() {
        XCTAssertEqual(UpstreamNames.display(model: "m1", provider: "p"), "m1.p")
        XCTAssertEqual(UpstreamNames.display(model: "openai::gpt-4o-mini", provider: "openai"), "openai::gpt-4o-mini")
        XCTAssertEqual(UpstreamKey(model: "m1", provider: "p").description, "m1.p")
    }
}
