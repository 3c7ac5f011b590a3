import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `serve --plan` reading a compiled plan: the same plan back, and clear errors naming the file otherwise.
final class PlanFileTests: XCTestCase {
    private let toml = """
    [models.gpt]
    routing = ["openai"]

    [models.gpt.providers.openai]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = { default = "dynamic::customer_key", fallback = "env::OPENAI_API_KEY" }
    extra_headers = [{ name = "X-Team", value = "blue" }, { name = "Authorization", value = "Bearer sk-config" }, { name = "X-Old", delete = true }]
    extra_body = [{ pointer = "/metadata/team", value = { name = "blue", size = 3, ratio = 0.5 } }, { pointer = "/stream", delete = true }]

    [functions.answer]
    type = "chat"

    [functions.answer.variants.v]
    type = "chat_completion"
    model = "gpt"
    extra_body = [{ pointer = "/variant", value = [1, 2.0, "x"] }]
    temperature = 0.3
    presence_penalty = 0.25
    frequency_penalty = -0.5
    reasoning_effort = "low"
    service_tier = "auto"
    thinking_budget_tokens = 2048
    verbosity = "high"

    [functions.answer.variants.w]
    type = "chat_completion"
    model = "groq::llama"
    """

    private func compiledPlan() throws -> RoutingPlan {
        let outcome = compile(toml, env: ["OPENAI_API_KEY": "sk-env"])
        return try XCTUnwrap(outcome.plan, outcome.listing)
    }

    private func loadError(_ text: String) -> String? {
        do {
            _ = try PlanFile.decode(Array(text.utf8), path: "out/plan.json")
            return nil
        } catch {
            return error.description
        }
    }

    func testAPlanReadsBackToTheSameJSONAndSettings() throws {
        let plan = try compiledPlan()
        let text = plan.canonicalJSON
        let readBack = try PlanFile.decode(Array(text.utf8), path: "plan.json")
        XCTAssertEqual(readBack.canonicalJSON, text)
        let provider = try XCTUnwrap(readBack.models["gpt"]?.routing.first)
        XCTAssertEqual(provider.extraHeaders, [
            ExtraSetting(target: "X-Team", action: .set(.string("blue"))),
            ExtraSetting(target: "Authorization", action: .setWithheld(nil)),
            ExtraSetting(target: "X-Old", action: .delete),
        ])
        XCTAssertEqual(provider.extraBody.first?.action, .set(.object(["name": .string("blue"), "size": .int(3), "ratio": .double(0.5)])))
        XCTAssertEqual(readBack.functions["answer"]?.variants["v"]?.extraBody.first?.action, .set(.array([.int(1), .double(2), .string("x")])))
        XCTAssertEqual(
            readBack.functions["answer"]?.variants["v"]?.parameters,
            SamplingParameters(
                temperature: 0.3, presencePenalty: 0.25, frequencyPenalty: -0.5, reasoningEffort: "low", serviceTier: .auto,
                thinkingBudgetTokens: 2048, verbosity: "high"
            )
        )
        XCTAssertEqual(readBack.shorthandCredentials[.groq]?.links.map(\.location), [.env("GROQ_API_KEY")])
        XCTAssertEqual(provider.credentials.links.map(\.checkedAt), plan.models["gpt"]?.routing.first?.credentials.links.map(\.checkedAt))
        XCTAssertFalse(text.contains("sk-config"))
    }

    func testAFileThatCannotBeReadIsNamed() {
        XCTAssertThrowsError(try PlanFile.load("/nonexistent/switchyard/plan.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent/switchyard/plan.json: cannot read the plan file"), "\(error)")
        }
    }

    func testMalformedJSONIsNamedWithItsPosition() {
        XCTAssertEqual(loadError("{\n  \"format\": \"switchyard.plan/1\",\n  oops\n}"), "out/plan.json: not a Switchyard plan: malformed JSON at line 3, column 3: expected a string key")
    }

    func testAnotherFormatVersionIsRefused() throws {
        let text = try compiledPlan().canonicalJSON.replacingOccurrences(of: "\"switchyard.plan/1\"", with: "\"switchyard.plan/2\"")
        XCTAssertEqual(loadError(text), "out/plan.json: not a Switchyard plan this build can serve: `format`: plan format `switchyard.plan/2` is not supported (this build reads `switchyard.plan/1`); compile the config again with `switchyard compile -o`")
        XCTAssertEqual(loadError("[]"), "out/plan.json: not a Switchyard plan this build can serve: expected an object, found an array; compile the config again with `switchyard compile -o`")
    }

    func testAPlanWithoutExtraValuesFromAnOlderBuildIsRefused() throws {
        var object = try XCTUnwrap(JSONParser.parse(Array(try compiledPlan().canonicalJSON.utf8)).objectMembers)
        var models = try XCTUnwrap(object["models"]?.objectMembers)
        var gpt = try XCTUnwrap(models["gpt"]?.objectMembers)
        guard case .array(var routing) = gpt["routing"], var provider = routing.first?.objectMembers else { return XCTFail("no routing") }
        provider["extra_header_entries"] = nil
        routing[0] = .object(provider)
        gpt["routing"] = .array(routing)
        models["gpt"] = .object(gpt)
        object["models"] = .object(models)
        let error = loadError(CanonicalJSONWriter.render(JSONValue.object(object)))
        XCTAssertTrue(error?.contains("`models.gpt.routing[0].extra_headers`: the plan names `extra_headers` entries without their values") == true, error ?? "no error")
    }

    func testAMissingOrMistypedFieldIsNamedByItsPath() throws {
        let text = try compiledPlan().canonicalJSON.replacingOccurrences(of: "\"num_retries\": 0", with: "\"num_retries\": \"0\"")
        let error = loadError(text)
        XCTAssertTrue(error?.contains("`functions.answer.variants.v.retries.num_retries`: expected an integer, found a string") == true, error ?? "no error")
    }
}
