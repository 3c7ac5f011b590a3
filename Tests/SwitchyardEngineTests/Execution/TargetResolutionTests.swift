import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// What a request targets (reference §2.4, §3.3, §5.3): unknown functions and variants, `model_name`
/// requests through `tensorzero::default`, and the errors that end a request before any attempt.
final class TargetResolutionTests: XCTestCase {
    private let config = TestConfig.variantsWithOwnModels(["a", "b"])
        + "[functions.empty]\ntype = \"chat\"\n\n[functions.empty.variants]\n"

    private func engine(env: [String: String] = TestConfig.env) throws -> Engine {
        try makeEngine(config, env: env)
    }

    /// Asserts the request ends at once with `status` and `message`, having reached no upstream.
    private func assertRejected(_ run: Run, status: Int, message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.result.status, status, file: file, line: line)
        XCTAssertEqual(run.message, message, file: file, line: line)
        XCTAssertEqual(run.attempts.count, 0, file: file, line: line)
        XCTAssertEqual(run.result.attemptCount, 0, file: file, line: line)
        XCTAssertEqual(run.result.trace.count, 0, file: file, line: line)
        XCTAssertTrue(run.sleeps.isEmpty, file: file, line: line)
        XCTAssertEqual(run.result.start, run.result.end, file: file, line: line)
    }

    func testUnknownFunctionIs404() throws {
        assertRejected(drive(try engine(), request(.function("nope"))), status: 404, message: "Unknown function: nope")
    }

    func testUnknownPinnedVariantIs404() throws {
        assertRejected(drive(try engine(), request(pinned: "zz")), status: 404, message: "Unknown variant: zz")
    }

    func testCallingTheDefaultFunctionByNameFindsNoVariants() throws {
        assertRejected(
            drive(try engine(), request(.function("tensorzero::default"))), status: 500,
            message: "Function `tensorzero::default` has no variants"
        )
    }

    func testAFunctionWithoutVariantsFails500() throws {
        assertRejected(drive(try engine(), request(.function("empty"))), status: 500, message: "Function `empty` has no variants")
    }

    func testUnknownModelNameIs400() throws {
        assertRejected(
            drive(try engine(), request(.model("nope"))), status: 400,
            message: "Invalid inference target: Invalid model name: Model name 'nope' not found in model table"
        )
    }

    func testAModelNameWithAProviderTypeThatHasNoShorthandIsUnknown() throws {
        assertRejected(
            drive(try engine(), request(.model("azure::my-deployment"))), status: 400,
            message: "Invalid inference target: Invalid model name: Model name 'azure::my-deployment' not found in model table"
        )
    }

    func testVariantNameWithModelNameIs400EvenForAKnownModel() throws {
        assertRejected(
            drive(try engine(), request(.model("m_a"), pinned: "a")), status: 400,
            message: "Invalid inference target: `variant_name` cannot be provided when using `model_name`"
        )
    }

    func testModelNameRunsTheDefaultFunctionWithAVariantNamedAfterTheModel() throws {
        let run = drive(try engine(), request(.model("m_b")))
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "m_b")
        XCTAssertEqual(run.result.model, "m_b")
        XCTAssertEqual(run.result.provider, "p")
        XCTAssertEqual(run.calls, ["m_b.p"])
    }

    func testAModelNameFailureIsAllVariantsFailed502WithoutRetries() throws {
        let run = drive(try engine(), request(.model("m_a")), replies: ["m_a.p": [.status(500)]])
        XCTAssertEqual(run.result.status, 502)
        XCTAssertEqual(
            run.message,
            "All variants failed with errors: m_a: All model providers failed to infer with errors: p: Error from openai server: body 500"
        )
        XCTAssertEqual(run.attempts.count, 1)
        XCTAssertTrue(run.sleeps.isEmpty)
    }

    func testAShorthandModelNameNoVariantUsesIsServedWithTheTypesDefaultCredential() throws {
        let run = drive(try engine(env: ["KEY": "k", "OPENAI_API_KEY": "sk-openai"]), request(.model("openai::gpt-4o-mini")))
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "openai::gpt-4o-mini")
        XCTAssertEqual(run.result.model, "openai::gpt-4o-mini")
        XCTAssertEqual(run.result.provider, "openai")
        XCTAssertEqual(run.result.credential, "env::OPENAI_API_KEY")
        XCTAssertEqual(run.attempts.first?.credential?.revealed, "sk-openai")
        XCTAssertEqual(run.attempts.first?.provider.wireModel, "gpt-4o-mini")
    }

    func testAShorthandModelNameWithItsVariableUnsetFailsBeforeAnyAttempt() throws {
        let run = drive(try engine(), request(.model("openai::gpt-4o-mini")))
        XCTAssertEqual(run.result.status, 502)
        XCTAssertEqual(
            run.message,
            "All variants failed with errors: openai::gpt-4o-mini: API key missing for provider OpenAI: Environment variable `OPENAI_API_KEY` is missing"
        )
        XCTAssertEqual(run.attempts.count, 0)
    }
}
