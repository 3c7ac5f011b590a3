import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `switchyard explain`: the routing tree of a function or model.
final class PlanExplainerTests: XCTestCase {
    private let toml = Snippet.openAIModel("gpt") + """
    [models.spare]
    routing = ["p"]

    [models.spare.providers.p]
    type = "openai"
    model_name = "gpt-4o"
    api_key_location = "dynamic::customer_key"

    [functions.answer]
    type = "chat"

    [functions.answer.variants.alpha]
    type = "chat_completion"
    model = "gpt"

    [functions.answer.variants.beta]
    type = "chat_completion"
    model = "openai::gpt-4o-mini"

    [functions.answer.variants.hidden]
    type = "chat_completion"
    model = "gpt"

    [functions.answer.experimentation]
    type = "static"
    candidate_variants = { alpha = 3, beta = 1 }

    """

    private func explainer() throws -> PlanExplainer {
        let outcome = compile(toml, env: Snippet.openAIEnvironment)
        return PlanExplainer(plan: try XCTUnwrap(outcome.plan, outcome.listing))
    }

    func testFunctionTreeShowsSharesModelsProvidersAndKeys() throws {
        let text = try XCTUnwrap(try explainer().explain("answer"))
        XCTAssertTrue(text.hasPrefix("function answer (chat), static weights\n"), text)
        XCTAssertTrue(text.contains("alpha  75% of first choices"), text)
        XCTAssertTrue(text.contains("beta  25% of first choices"), text)
        XCTAssertTrue(text.contains("hidden  never sampled"), text)
        XCTAssertTrue(text.contains("model openai::gpt-4o-mini (shorthand)"), text)
        XCTAssertTrue(text.contains("key env::OPENAI_API_KEY (available)"), text)
        XCTAssertTrue(text.contains("key env::OPENAI_API_KEY (checked on first use, built-in default)"), text)
    }

    func testModelTreeAndUnusedModels() throws {
        let explainer = try explainer()
        let model = try XCTUnwrap(explainer.explain("spare"))
        XCTAssertTrue(model.hasPrefix("model spare\n"), model)
        XCTAssertTrue(model.contains("key dynamic::customer_key (per request)"), model)
        let all = try XCTUnwrap(explainer.explain(nil))
        XCTAssertTrue(all.contains("models no function uses\nmodel spare"), all)
        XCTAssertNil(explainer.explain("nonexistent"))
    }
}
