import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// The whole pipeline: every problem in one run, file order, and a plan only when there is no error.
final class CompilerTests: XCTestCase {
    private let brokenEverywhere = """
    enable_agi = true

    [gateway]
    global_outbound_http_timeout_ms = 1000

    [models.gpt]
    routing = ["openai", "openai", "ghost"]

    [models.gpt.providers.openai]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::MISSING_KEY"
    timeouts = { non_streaming = { total_ms = 5000 } }
    my_bad_key = 1

    [models.gpt.providers.azure]
    type = "azure"
    deployment_id = "gpt"

    [models."openai::custom"]
    routing = []
    providers = {}

    [functions."tensorzero::answer"]
    type = "chat"
    tools = ["get_weather"]

    [functions."tensorzero::answer".variants.alpha]
    type = "chat_completion"
    model = "gpt-typo"
    weight = -1
    json_mode = "strict"

    [functions.extract]
    type = "json"

    [functions.extract.variants.beta]
    type = "chat_completion"
    model = "gpt"

    [functions.extract.experimentation]
    type = "static"
    candidate_variants = ["beta", "gamma"]

    [metrics.comment]
    type = "boolean"
    optimize = "max"
    level = "inference"

    """

    func testEveryDifferentErrorIsReportedInOneRun() {
        let outcome = compile(brokenEverywhere)
        let expected: [DiagnosticCode] = [
            .unknownField, .missingField, .routingDuplicate, .routingUnknownProvider, .providerNotRouted,
            .modelNameReserved, .routingEmpty, .environmentVariableMissing, .timeoutAboveGlobal,
            .functionNameReserved, .unknownTool, .variantModelUnknown, .negativeWeight, .jsonModeOnChatFunction,
            .jsonModeMissing, .experimentationUnknownVariant, .metricNameReserved,
        ]
        let reported = Set(outcome.diagnostics.map(\.code))
        for code in expected {
            XCTAssertTrue(reported.contains(code), "\(code.rawValue) (\(code.title)) missing from:\n\(outcome.listing)")
        }
        XCTAssertTrue(outcome.diagnostics(.unknownField).contains { $0.keyPath == "enable_agi" }, outcome.listing)
        XCTAssertTrue(outcome.diagnostics(.unknownField).contains { $0.keyPath == "models.gpt.providers.openai.my_bad_key" }, outcome.listing)
        XCTAssertTrue(outcome.diagnostics(.missingField).contains { $0.message == "missing field `endpoint`" }, outcome.listing)
        XCTAssertNil(outcome.plan)
    }

    func testDiagnosticsAreInFileOrder() {
        let outcome = compile(brokenEverywhere)
        let positions = outcome.diagnostics.compactMap(\.location)
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertEqual(outcome.diagnostics.first?.keyPath, "enable_agi")
    }

    func testSyntaxErrorIsReportedWithItsPosition() {
        let outcome = compile("[models.m]\nrouting = [\"p\"]]\n")
        let syntax = outcome.diagnostics(.tomlSyntax)
        XCTAssertEqual(syntax.count, 1, outcome.listing)
        XCTAssertEqual(syntax.first?.severity, .error)
        XCTAssertEqual(syntax.first?.location?.file, outcome.configPath)
        XCTAssertEqual(syntax.first?.location?.line, 2)
        XCTAssertTrue(syntax.first?.message.hasPrefix("Failed to parse config file as valid TOML") == true)
        XCTAssertNil(outcome.plan)
    }

    func testWarningsAloneStillProduceAPlanThatCarriesThem() {
        let toml = Snippet.openAIModel("gpt") + "[functions.answer]\ntype = \"chat\"\nvariants = {}\n"
        let outcome = compile(toml, env: Snippet.openAIEnvironment)
        XCTAssertEqual(outcome.diagnostics.map(\.code), [.functionWithoutVariants])
        XCTAssertEqual(outcome.plan?.diagnostics.map(\.code), [.functionWithoutVariants])
    }

    func testEmptyConfigCompilesToAnEmptyPlan() {
        let outcome = compile("")
        assertNoErrors(outcome)
        XCTAssertEqual(outcome.plan?.models.isEmpty, true)
        XCTAssertEqual(outcome.plan?.functions.isEmpty, true)
        XCTAssertEqual(outcome.compilation.files, [outcome.configPath])
    }

    func testCheckReportSummarisesValidAndInvalidConfigs() {
        let valid = CheckReport(compile(Snippet.openAIModel("gpt"), env: Snippet.openAIEnvironment).compilation)
        XCTAssertTrue(valid.isValid)
        XCTAssertTrue(valid.text.hasSuffix(": valid: 1 model, 1 provider, 0 functions, 0 variants; 0 errors, 0 warnings\n"), valid.text)
        let invalid = compile(Snippet.openAIModel("gpt"))
        let report = CheckReport(invalid.compilation)
        XCTAssertFalse(report.isValid)
        XCTAssertTrue(report.text.contains("\(invalid.configPath):7:20: error[SY0203]: `models.gpt.providers.p`: API key missing"), report.text)
        XCTAssertTrue(report.text.hasSuffix("invalid: 1 error, 0 warnings\n"), report.text)
        XCTAssertTrue(report.json.contains("\"valid\": false"))
    }
}
