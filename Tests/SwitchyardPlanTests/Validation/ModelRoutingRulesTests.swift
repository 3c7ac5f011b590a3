import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `routing` must name each configured provider exactly once, and nothing else (reference §2.1, §4).
final class ModelRoutingRulesTests: XCTestCase {
    private let env = ["OPENAI_API_KEY": "sk-test"]

    private func model(routing: String, providers: [String]) -> String {
        var text = "[models.m]\nrouting = \(routing)\n"
        for name in providers {
            text += """

            [models.m.providers.\(name)]
            type = "openai"
            model_name = "gpt-4o-mini"

            """
        }
        return text
    }

    func testEmptyRoutingIsAnError() {
        let outcome = compile(model(routing: "[]", providers: ["p"]), env: env)
        assertDiagnostic(
            outcome, .routingEmpty, .error, path: "models.m", at: outcome.position(of: "[]"),
            messageContains: ["`routing` must not be empty"]
        )
        XCTAssertNil(outcome.plan)
    }

    func testRoutingNamingEveryProviderOnceIsAccepted() {
        let outcome = compile(model(routing: #"["p", "q"]"#, providers: ["p", "q"]), env: env)
        assertNoErrors(outcome)
        for code in [DiagnosticCode.routingEmpty, .routingDuplicate, .routingUnknownProvider, .providerNotRouted, .providerNameReserved] {
            assertNoDiagnostic(outcome, code)
        }
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.map(\.name), ["p", "q"])
    }

    func testRoutingOrderIsKeptAsWritten() {
        let outcome = compile(model(routing: #"["q", "p"]"#, providers: ["p", "q"]), env: env)
        XCTAssertEqual(outcome.plan?.models["m"]?.routing.map(\.name), ["q", "p"])
    }

    func testDuplicateRoutingEntryIsAnErrorAtTheSecondEntry() {
        let outcome = compile(model(routing: #"["p", "p"]"#, providers: ["p"]), env: env)
        assertDiagnostic(
            outcome, .routingDuplicate, .error, path: "models.m.routing",
            at: outcome.position(of: #""p""#, occurrence: 2), messageContains: ["duplicate entry `p`"]
        )
        assertNoDiagnostic(outcome, .routingUnknownProvider)
    }

    func testRoutingEntryWithoutProviderIsAnError() {
        let outcome = compile(model(routing: #"["p", "ghost"]"#, providers: ["p"]), env: env)
        assertDiagnostic(
            outcome, .routingUnknownProvider, .error, path: "models.m", at: outcome.position(of: #""ghost""#),
            messageContains: ["`routing` contains entry `ghost` that does not exist in `providers`"]
        )
    }

    func testProviderMissingFromRoutingIsAnErrorAtItsName() {
        let outcome = compile(model(routing: #"["p"]"#, providers: ["p", "spare"]), env: env)
        assertDiagnostic(
            outcome, .providerNotRouted, .error, path: "models.m",
            at: outcome.position(of: "spare]"),
            messageContains: ["Provider `spare` is not listed in `routing`"]
        )
    }

    func testProviderNameWithTensorZeroPrefixIsAnError() {
        let outcome = compile(model(routing: #"["tensorzero::p"]"#, providers: [#""tensorzero::p""#]), env: env)
        assertDiagnostic(
            outcome, .providerNameReserved, .error, path: "models.m.routing", at: outcome.position(of: #""tensorzero::p""#),
            messageContains: ["Provider name cannot start with 'tensorzero::': tensorzero::p"]
        )
    }

    func testProviderNameContainingButNotStartingWithTensorZeroIsAccepted() {
        let outcome = compile(model(routing: #"["my_tensorzero::p"]"#, providers: [#""my_tensorzero::p""#]), env: env)
        assertNoDiagnostic(outcome, .providerNameReserved)
        assertNoErrors(outcome)
    }
}
