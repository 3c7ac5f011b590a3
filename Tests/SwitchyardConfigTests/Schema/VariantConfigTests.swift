import XCTest
@testable import SwitchyardConfig

/// `[functions.F.variants.V]`: a known `type`, its fields, no unknown fields (reference §3.2).
final class VariantConfigTests: XCTestCase {
    private func variant(_ body: String, type: String = "chat_completion") -> String {
        "[functions.answer]\ntype = \"chat\"\n\n[functions.answer.variants.alpha]\ntype = \"\(type)\"\n\(body)\n"
    }

    func testUnknownVariantFieldIsRejectedWithTheCompletionFields() {
        let outcome = loadConfig(variant("model = \"m\"\nenable_agi = true"))
        assertSchemaDiagnostic(
            outcome, .unknownField, path: "functions.answer.variants.alpha.enable_agi", at: outcome.position(of: "enable_agi"),
            messageContains: ["unknown field `enable_agi`, expected one of `weight`, `model`, `system_template`, `user_template`, `assistant_template`, `input_wrappers`, `templates`, `temperature`, `top_p`, `max_tokens`, `presence_penalty`, `frequency_penalty`, `seed`, `stop_sequences`, `reasoning_effort`, `service_tier`, `thinking_budget_tokens`, `verbosity`, `json_mode`, `retries`, `extra_body`, `extra_headers`"]
        )
    }

    func testKnownCompletionFieldsAreAccepted() {
        let outcome = loadConfig(variant("""
        model = "m"
        weight = 0.5
        temperature = 0.2
        max_tokens = 100
        seed = 1
        stop_sequences = ["x"]
        retries = { num_retries = 2, max_delay_s = 5 }
        timeouts = { non_streaming = { total_ms = 1000 } }
        namespace = "team"
        extra_body = [{ pointer = "/a", value = 1 }]
        templates.greeting.path = "g.minijinja"
        """))
        assertClean(outcome)
        let parsed = outcome.config.functions.first?.variants.first
        XCTAssertEqual(parsed?.retries.numRetries, 2)
        XCTAssertEqual(parsed?.retries.maxDelaySeconds, 5)
        XCTAssertEqual(parsed?.weight?.value, 0.5)
        XCTAssertEqual(parsed?.templates["templates.greeting"]?.value, "g.minijinja")
    }

    func testSamplingParametersAreRead() {
        let outcome = loadConfig(variant("""
        model = "m"
        temperature = 0.2
        top_p = 0.9
        max_tokens = 100
        presence_penalty = 0.3
        frequency_penalty = -1
        seed = 1
        stop_sequences = ["x"]
        reasoning_effort = "anything"
        service_tier = "flex"
        thinking_budget_tokens = -5
        verbosity = "low"
        """))
        assertClean(outcome)
        XCTAssertEqual(outcome.config.functions.first?.variants.first?.parameters, SamplingParameters(
            temperature: 0.2, topP: 0.9, maxTokens: 100, presencePenalty: 0.3, frequencyPenalty: -1, seed: 1, stopSequences: ["x"],
            reasoningEffort: "anything", serviceTier: .flex, thinkingBudgetTokens: -5, verbosity: "low"
        ))
    }

    /// TensorZero 2026.6.0's messages for these, checked with its gateway.
    func testAnUnknownServiceTierAndABudgetBeyondI32AreRejected() {
        let tier = loadConfig(variant("model = \"m\"\nservice_tier = \"bogus\""))
        assertSchemaDiagnostic(
            tier, .invalidValue, path: "functions.answer.variants.alpha.service_tier", at: tier.position(of: "\"bogus\""),
            messageContains: ["unknown variant `bogus`, expected one of `auto`, `default`, `priority`, `flex`"]
        )
        let budget = loadConfig(variant("model = \"m\"\nthinking_budget_tokens = 3000000000"))
        assertSchemaDiagnostic(
            budget, .invalidValue, path: "functions.answer.variants.alpha.thinking_budget_tokens", at: budget.position(of: "3000000000"),
            messageContains: ["invalid value: integer `3000000000`, expected i32"]
        )
        let effort = loadConfig(variant("model = \"m\"\nreasoning_effort = 3"))
        assertSchemaDiagnostic(
            effort, .wrongType, path: "functions.answer.variants.alpha.reasoning_effort", at: effort.position(of: "3"),
            messageContains: ["expected a string, found integer"]
        )
    }

    func testAPenaltyThatIsNotANumberIsRejected() {
        for key in ["presence_penalty", "frequency_penalty"] {
            let outcome = loadConfig(variant("model = \"m\"\n\(key) = \"high\""))
            assertSchemaDiagnostic(
                outcome, .wrongType, path: "functions.answer.variants.alpha.\(key)", at: outcome.position(of: "\"high\""),
                messageContains: ["expected a number, found string"]
            )
        }
    }

    /// Conformance cases 239, 249: the docs' `experimental_best_of_n` is not a type.
    func testUnknownVariantTypeIsRejectedWithTensorZerosListing() {
        for type in ["chat", "experimental_best_of_n"] {
            let outcome = loadConfig(variant("model = \"m\"", type: type))
            assertSchemaDiagnostic(
                outcome, .invalidValue, path: "functions.answer.variants.alpha", at: outcome.position(of: "\"\(type)\"", occurrence: type == "chat" ? 2 : 1),
                messageContains: ["unknown variant `\(type)`, expected one of `chat_completion`, `experimental_best_of_n_sampling`, `experimental_dynamic_in_context_learning`, `experimental_mixture_of_n`, `experimental_chain_of_thought`"]
            )
        }
    }

    func testMissingModelIsRejected() {
        let outcome = loadConfig(variant("weight = 1"))
        assertSchemaDiagnostic(
            outcome, .missingField, path: "functions.answer.variants.alpha", at: outcome.position(of: "[functions.answer.variants.alpha]"),
            messageContains: ["missing field `model`"]
        )
    }

    func testUnknownJSONModeIsRejected() {
        let outcome = loadConfig(variant("model = \"m\"\njson_mode = \"maybe\""))
        assertSchemaDiagnostic(
            outcome, .invalidValue, path: "functions.answer.variants.alpha.json_mode", at: outcome.position(of: "\"maybe\""),
            messageContains: ["unknown variant `maybe`, expected one of `off`, `on`, `strict`, `tool`"]
        )
    }

    func testWeightOfTheWrongTypeIsRejected() {
        let outcome = loadConfig(variant("model = \"m\"\nweight = \"heavy\""))
        assertSchemaDiagnostic(outcome, .wrongType, path: "functions.answer.variants.alpha.weight", at: outcome.position(of: "\"heavy\""), messageContains: ["expected a number, found string"])
    }

    /// Conformance case 245.
    func testExtraBodyThatIsATableIsRejected() {
        let outcome = loadConfig(variant("model = \"m\"\nextra_body = { pointer = \"/a\", value = 1 }"))
        assertSchemaDiagnostic(outcome, .wrongType, path: "functions.answer.variants.alpha.extra_body", at: outcome.position(of: "{ pointer"), messageContains: ["expected a sequence, found table"])
    }

    func testBestOfNRequiresAnEvaluatorAndMixtureOfNAFuser() {
        for (type, judge) in [("experimental_best_of_n_sampling", "evaluator"), ("experimental_mixture_of_n", "fuser")] {
            let outcome = loadConfig(variant("candidates = [\"a\"]", type: type))
            assertSchemaDiagnostic(
                outcome, .missingField, path: "functions.answer.variants.alpha", at: outcome.position(of: "[functions.answer.variants.alpha]"),
                messageContains: ["missing field `\(judge)`"]
            )
            assertClean(loadConfig(variant("candidates = [\"a\"]\n\n[functions.answer.variants.alpha.\(judge)]\nmodel = \"m\"", type: type)))
        }
    }

    func testUnknownFieldOnABestOfNVariantIsRejected() {
        let outcome = loadConfig(variant("candidates = []\ntemperature = 1\n\n[functions.answer.variants.alpha.evaluator]\nmodel = \"m\"", type: "experimental_best_of_n_sampling"))
        assertSchemaDiagnostic(outcome, .unknownField, path: "functions.answer.variants.alpha.temperature", at: outcome.position(of: "temperature"), messageContains: ["unknown field `temperature`"])
    }

    func testDynamicInContextLearningRequiresEmbeddingModelAndK() {
        let outcome = loadConfig(variant("model = \"m\"", type: "experimental_dynamic_in_context_learning"))
        XCTAssertEqual(Set(outcome.diagnostics(.missingField).map(\.message)), ["missing field `embedding_model`", "missing field `k`"], outcome.listing)
    }

    /// Conformance case 043: unknown keys inside `retries` are ignored.
    func testUnknownKeyInsideRetriesIsIgnored() {
        assertClean(loadConfig(variant("model = \"m\"\nretries = { num_retries = 1, jitter = true }")))
    }

    func testNegativeRetryCountIsRejected() {
        let outcome = loadConfig(variant("model = \"m\"\nretries = { num_retries = -1 }"))
        assertSchemaDiagnostic(outcome, .invalidValue, path: "functions.answer.variants.alpha.retries.num_retries", at: outcome.position(of: "-1"), messageContains: ["non-negative"])
    }

    func testNamedTemplateWithoutPathIsRejected() {
        let outcome = loadConfig(variant("model = \"m\"\ntemplates.greeting = { file = \"g.minijinja\" }"))
        assertSchemaDiagnostic(
            outcome, .missingField, path: "functions.answer.variants.alpha.templates.greeting", at: outcome.position(of: "{ file"),
            messageContains: ["missing field `path`"]
        )
    }
}
