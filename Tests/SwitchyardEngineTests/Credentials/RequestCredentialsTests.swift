import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// Request-time credentials (reference §1.5, §1.6, §2.3): dynamic keys, `{ default, fallback }`, `none`, and
/// shorthand models whose credential is only loaded on first use.
final class RequestCredentialsTests: XCTestCase {
    private let dynamicThenEnv = TestConfig.model("m", providers: [
        ("p1", "api_key_location = \"dynamic::customer\""), ("p2", "api_key_location = \"env::K2\""),
    ]) + TestConfig.function(variants: [("v", "m", "")])

    private let withFallback = TestConfig.model("m", providers: [
        ("p1", "api_key_location = { default = \"dynamic::customer\", fallback = \"env::HOUSE\" }"),
        ("p2", "api_key_location = \"env::K2\""),
    ]) + TestConfig.function(variants: [("v", "m", "")])

    private let env = ["K2": "sk-two", "HOUSE": "sk-house"]
    private let missingCustomer = "API key missing for provider OpenAI: Dynamic api key `customer` is missing"

    func testADynamicKeyIsSentFromTheRequest() throws {
        let run = drive(try makeEngine(dynamicThenEnv, env: env), request(credentials: ["customer": "sk-customer"]))
        XCTAssertEqual(run.calls, ["m.p1"])
        XCTAssertEqual(run.result.credential, "dynamic::customer")
        XCTAssertEqual(run.attempts.first?.credential?.revealed, "sk-customer")
        XCTAssertFalse(run.result.usedFallbackCredential)
    }

    func testAMissingDynamicKeySkipsTheProviderWithoutAnAttempt() throws {
        let run = drive(try makeEngine(dynamicThenEnv, env: env), request(credentials: ["unrelated": "x"]))
        XCTAssertEqual(run.calls, ["m.p2"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.provider, "p2")
        XCTAssertEqual(run.result.attemptCount, 1)
        XCTAssertEqual(outcomes(run.result.trace), [.skipped(reason: missingCustomer), .success])
        let skipped = try XCTUnwrap(run.result.trace.first)
        XCTAssertFalse(skipped.isAttempt)
        XCTAssertNil(skipped.credential)
        XCTAssertEqual(skipped.provider, "p1")
        XCTAssertEqual(skipped.start, skipped.end)
    }

    func testWhenEveryProviderIsSkippedThePinnedErrorIs500AndNothingIsAttempted() throws {
        let toml = TestConfig.model("m", providers: [("p1", "api_key_location = \"dynamic::customer\"")])
            + TestConfig.function(variants: [("v", "m", "")])
        let engine = try makeEngine(toml)
        let pinned = drive(engine, request(pinned: "v"))
        XCTAssertEqual(pinned.result.status, 500)
        XCTAssertEqual(pinned.message, "All model providers failed to infer with errors: p1: \(missingCustomer)")
        XCTAssertEqual(pinned.result.attemptCount, 0)
        XCTAssertTrue(pinned.attempts.isEmpty)
        let sampled = drive(engine, request())
        XCTAssertEqual(sampled.result.status, 502)
        XCTAssertEqual(sampled.message, "All variants failed with errors: v: All model providers failed to infer with errors: p1: \(missingCustomer)")
    }

    func testTheDefaultSideIsUsedWhenTheDynamicKeyIsPresent() throws {
        let run = drive(try makeEngine(withFallback, env: env), request(credentials: ["customer": "sk-customer"]))
        XCTAssertEqual(run.result.provider, "p1")
        XCTAssertEqual(run.result.credential, "dynamic::customer")
        XCTAssertFalse(run.result.usedFallbackCredential)
        XCTAssertEqual(run.attempts.first?.credential?.revealed, "sk-customer")
        XCTAssertEqual(run.attempts.first?.isFallbackCredential, false)
    }

    func testTheFallbackSideIsUsedOnlyWhenTheDynamicKeyIsAbsent() throws {
        let run = drive(try makeEngine(withFallback, env: env), request())
        XCTAssertEqual(run.calls, ["m.p1"])
        XCTAssertEqual(run.result.provider, "p1")
        XCTAssertEqual(run.result.credential, "env::HOUSE")
        XCTAssertTrue(run.result.usedFallbackCredential)
        XCTAssertEqual(run.attempts.first?.credential?.revealed, "sk-house")
        XCTAssertEqual(run.result.trace.first?.usedFallbackCredential, true)
        XCTAssertEqual(run.result.trace.first?.credential, "env::HOUSE")
    }

    func testA401WithTheDefaultCredentialMovesToTheNextProviderNotToTheFallback() throws {
        let run = drive(try makeEngine(withFallback, env: env), request(credentials: ["customer": "sk-revoked"]), replies: ["m.p1": [.status(401)]])
        XCTAssertEqual(run.calls, ["m.p1", "m.p2"])
        XCTAssertEqual(run.attempts.map(\.credentialLocation), ["dynamic::customer", "env::K2"])
        XCTAssertEqual(run.result.provider, "p2")
        XCTAssertEqual(run.result.credential, "env::K2")
        XCTAssertFalse(run.result.usedFallbackCredential)
    }

    func testA401WithTheFallbackCredentialAlsoMovesOn() throws {
        let run = drive(try makeEngine(withFallback, env: env), request(), replies: ["m.p1": [.status(401)]])
        XCTAssertEqual(run.attempts.map(\.credentialLocation), ["env::HOUSE", "env::K2"])
        XCTAssertFalse(run.result.usedFallbackCredential, "the success came from p2's only credential")
    }

    func testNoneSendsNoCredentialWhereTheTypeAllowsIt() throws {
        let toml = TestConfig.model("m", providers: [("p", "api_key_location = \"none\"")]) + TestConfig.function(variants: [("v", "m", "")])
        let run = drive(try makeEngine(toml), request())
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.credential, "none")
        XCTAssertNil(run.attempts.first?.credential)
    }

    func testNoneOnXAIFailsEveryRequestWithoutAnAttempt() throws {
        let toml = """
            [models.m]
            routing = ["x"]

            [models.m.providers.x]
            type = "xai"
            model_name = "grok-3"
            api_key_location = "none"

            """ + TestConfig.function(variants: [("v", "m", "")])
        let run = drive(try makeEngine(toml), request(pinned: "v"))
        XCTAssertEqual(run.result.status, 500)
        XCTAssertEqual(run.message, "All model providers failed to infer with errors: x: API key missing for provider xAI: No credentials are set")
        XCTAssertTrue(run.attempts.isEmpty)
    }

    func testAShorthandModelWithItsVariableUnsetFailsTheVariantWithoutAttemptOrRetry() throws {
        let toml = TestConfig.simpleModel("m")
            + TestConfig.function(variants: [("short", "openai::gpt-4o-mini", "retries = { num_retries = 3 }"), ("z", "m", "")])
        let engine = try makeEngine(toml, env: TestConfig.env)
        let missing = "API key missing for provider OpenAI: Environment variable `OPENAI_API_KEY` is missing"
        let pinned = drive(engine, request(pinned: "short"))
        XCTAssertEqual(pinned.result.status, 400)
        XCTAssertEqual(pinned.message, missing)
        XCTAssertTrue(pinned.attempts.isEmpty)
        XCTAssertTrue(pinned.sleeps.isEmpty, "errors before the model call are not retried")
        XCTAssertTrue(pinned.result.trace.isEmpty)
        // Sampled: u = 0.024 picks `short` first (⌊0.05⌋ = 0), which fails without an attempt; `z` serves.
        let sampled = drive(engine, request(episode: Episodes.u024))
        XCTAssertEqual(sampled.calls, ["m.p"])
        XCTAssertEqual(sampled.result.variant, "z")
        XCTAssertEqual(sampled.result.attemptCount, 1)
    }

    func testAShorthandModelWithItsVariableSetIsServed() throws {
        let toml = TestConfig.function(variants: [("short", "openai::gpt-4o-mini", "")])
        let run = drive(try makeEngine(toml, env: ["OPENAI_API_KEY": "sk-openai"]), request())
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.model, "openai::gpt-4o-mini")
        XCTAssertEqual(run.result.provider, "openai")
        XCTAssertEqual(run.result.credential, "env::OPENAI_API_KEY")
        XCTAssertEqual(run.attempts.first?.credential?.revealed, "sk-openai")
    }
}
