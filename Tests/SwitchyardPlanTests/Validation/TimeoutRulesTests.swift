import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Every `*_ms` must be `<= gateway.global_outbound_http_timeout_ms` (default 900000); a streaming
/// `total_ms` below `ttft_ms` only warns (reference §2.5, §4).
final class TimeoutRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func config(gateway: String = "", model: String = "", provider: String = "", variant: String = "") -> String {
        """
        \(gateway.isEmpty ? "" : "[gateway]\n\(gateway)\n")
        [models.m]
        routing = ["p"]
        \(model)

        [models.m.providers.p]
        type = "openai"
        model_name = "gpt-4o-mini"
        \(provider)

        [functions.answer]
        type = "chat"

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "m"
        \(variant)

        """
    }

    func testProviderTimeoutAboveTheDefaultGlobalIsAnError() {
        let outcome = compile(config(provider: "timeouts = { non_streaming = { total_ms = 900001 } }"), env: env)
        assertDiagnostic(
            outcome, .timeoutAboveGlobal, .error, path: "models.m.providers.p.timeouts", at: outcome.position(of: "900001"),
            messageContains: ["The `timeouts.non_streaming.total_ms` value `900001` is greater than `gateway.global_outbound_http_timeout_ms`: `900000`"]
        )
    }

    func testTimeoutEqualToTheDefaultGlobalIsAccepted() {
        let outcome = compile(config(provider: "timeouts = { non_streaming = { total_ms = 900000 } }"), env: env)
        assertNoDiagnostic(outcome, .timeoutAboveGlobal)
        assertNoErrors(outcome)
    }

    func testStreamingTimeoutAboveACustomGlobalIsAnError() {
        let outcome = compile(config(gateway: "global_outbound_http_timeout_ms = 200", provider: "timeouts.streaming.ttft_ms = 500"), env: env)
        assertDiagnostic(
            outcome, .timeoutAboveGlobal, .error, path: "models.m.providers.p.timeouts", at: outcome.position(of: "500"),
            messageContains: ["The `timeouts.streaming.ttft_ms` value `500` is greater than `gateway.global_outbound_http_timeout_ms`: `200`"]
        )
        assertNoDiagnostic(compile(config(gateway: "global_outbound_http_timeout_ms = 500", provider: "timeouts.streaming.ttft_ms = 500"), env: env),
                           .timeoutAboveGlobal)
    }

    func testModelTimeoutAboveTheGlobalIsAnError() {
        let outcome = compile(config(model: "timeouts = { streaming = { total_ms = 1000000 } }"), env: env)
        assertDiagnostic(
            outcome, .timeoutAboveGlobal, .error, path: "models.m.timeouts", at: outcome.position(of: "1000000"),
            messageContains: ["The `timeouts.streaming.total_ms` value `1000000` is greater than `gateway.global_outbound_http_timeout_ms`: `900000`"]
        )
    }

    func testVariantTimeoutAboveTheGlobalIsAnError() {
        let outcome = compile(config(variant: "timeouts = { non_streaming = { total_ms = 99999999 } }"), env: env)
        assertDiagnostic(
            outcome, .timeoutAboveGlobal, .error, path: "functions.answer.variants.alpha.timeouts", at: outcome.position(of: "99999999"),
            messageContains: ["The `timeouts.non_streaming.total_ms` value `99999999` is greater than `gateway.global_outbound_http_timeout_ms`: `900000`"]
        )
    }

    func testEveryBoundOverTheGlobalIsReported() {
        let outcome = compile(config(
            gateway: "global_outbound_http_timeout_ms = 100",
            model: "timeouts = { non_streaming = { total_ms = 101 }, streaming = { ttft_ms = 102, total_ms = 103 } }"
        ), env: env)
        XCTAssertEqual(outcome.diagnostics(.timeoutAboveGlobal).count, 3, outcome.listing)
    }

    func testStreamingTotalBelowTTFTIsOnlyAWarning() {
        let outcome = compile(config(provider: "timeouts = { streaming = { ttft_ms = 5000, total_ms = 1000 } }"), env: env)
        assertDiagnostic(
            outcome, .timeoutTotalBelowTTFT, .warning, path: "models.m.providers.p.timeouts.streaming", at: outcome.position(of: "1000 }"),
            messageContains: ["`total_ms`", "`ttft_ms`"]
        )
        assertNoErrors(outcome)
    }

    func testStreamingTotalAtOrAboveTTFTIsAccepted() {
        for total in [5000, 6000] {
            let outcome = compile(config(provider: "timeouts = { streaming = { ttft_ms = 5000, total_ms = \(total) } }"), env: env)
            assertNoDiagnostic(outcome, .timeoutTotalBelowTTFT)
        }
    }

    func testTimeoutsAreLoweredIntoThePlan() {
        let outcome = compile(config(
            model: "timeouts = { non_streaming = { total_ms = 30000 } }",
            provider: "timeouts = { streaming = { ttft_ms = 1000, total_ms = 20000 } }"
        ), env: env)
        let model = outcome.plan?.models["m"]
        XCTAssertEqual(model?.timeouts?.nonStreamingTotalMs, 30000)
        XCTAssertEqual(model?.routing.first?.timeouts?.streamingTTFTMs, 1000)
        XCTAssertEqual(model?.routing.first?.timeouts?.streamingTotalMs, 20000)
    }
}
