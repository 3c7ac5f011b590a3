import XCTest
@testable import SwitchyardConfig

/// `[gateway]` denies unknown fields (conformance cases 268, 271).
final class GatewayConfigTests: XCTestCase {
    func testUnknownGatewayFieldIsRejected() {
        let outcome = loadConfig("[gateway]\nenable_agi = true\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "gateway.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `bind_address`, `observability`, `debug`", "`global_outbound_http_timeout_ms`", "`cache`"]
        )
    }

    func testKnownGatewayFieldsAreAccepted() {
        let outcome = loadConfig("""
        [gateway]
        bind_address = "0.0.0.0:3000"
        debug = true
        global_outbound_http_timeout_ms = 600000
        disable_pseudonymous_usage_analytics = true

        [gateway.observability]
        enabled = false

        """)
        assertClean(outcome)
        XCTAssertEqual(outcome.config.gateway.globalTimeoutMs, 600000)
    }

    func testDefaultGlobalTimeoutIsFifteenMinutes() {
        XCTAssertEqual(loadConfig("").config.gateway.globalTimeoutMs, 900_000)
    }

    /// A key written after `[gateway.observability]` lands in that table and is rejected there.
    func testUnknownObservabilityFieldIsRejected() {
        let outcome = loadConfig("[gateway.observability]\nenabled = false\nenable_agi = true\n")
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "gateway.observability.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `enabled`, `backend`, `async_writes`, `batch_writes`, `disable_automatic_migrations`"]
        )
    }

    func testGlobalTimeoutOfTheWrongTypeOrNegativeIsRejected() {
        let text = loadConfig("[gateway]\nglobal_outbound_http_timeout_ms = \"900000\"\n")
        assertSchemaDiagnostic(
            text, .wrongType, path: "gateway.global_outbound_http_timeout_ms", at: text.position(of: "\"900000\""),
            messageContains: ["expected a non-negative integer, found string"]
        )
        let negative = loadConfig("[gateway]\nglobal_outbound_http_timeout_ms = -5\n")
        assertSchemaDiagnostic(
            negative, .invalidValue, path: "gateway.global_outbound_http_timeout_ms", at: negative.position(of: "-5"),
            messageContains: ["non-negative"]
        )
    }

    func testGatewayFlagOfTheWrongTypeIsRejected() {
        let outcome = loadConfig("[gateway]\ndebug = \"yes\"\n")
        assertSchemaDiagnostic(outcome, .wrongType, path: "gateway.debug", at: outcome.position(of: "\"yes\""), messageContains: ["expected a boolean, found string"])
    }
}
