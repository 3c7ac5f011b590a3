import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Per-variant checks (reference §3.1, §3.2, §4): the model exists, weights are non-negative, `json_mode`
/// matches the function type, multi-candidate variants name real variants.
final class VariantRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func chat(_ variants: String, type: String = "chat") -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "\(type)"

        \(variants)
        """
    }

    func testFunctionWithoutVariantsIsAWarning() {
        let toml = """
        [functions.answer]
        type = "chat"
        variants = {}

        """
        let outcome = compile(toml)
        assertDiagnostic(
            outcome, .functionWithoutVariants, .warning, path: "functions.answer", at: Position(line: 1, column: 1),
            messageContains: ["Function `answer` has no variants"]
        )
        assertNoErrors(outcome)
    }

    func testFunctionWithAVariantHasNoNoVariantsWarning() {
        let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\n"), env: env)
        assertNoDiagnostic(outcome, .functionWithoutVariants)
        assertNoErrors(outcome)
    }

    func testVariantNamingAnUnknownModelIsAnError() {
        let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt-typo\"\n"), env: env)
        assertDiagnostic(
            outcome, .variantModelUnknown, .error, path: "functions.answer.variants.alpha", at: outcome.position(of: "\"gpt-typo\""),
            messageContains: ["Model name 'gpt-typo' not found in model table"]
        )
    }

    func testVariantNamingAConfiguredOrShorthandModelIsAccepted() {
        for model in ["gpt", "openai::gpt-4o-mini", "anthropic::claude-haiku-4-5", "openai::responses::gpt-5"] {
            let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"\(model)\"\n"), env: env)
            assertNoDiagnostic(outcome, .variantModelUnknown)
        }
    }

    /// Reference §2.3: only the listed shorthand prefixes resolve; `vllm::` is reserved but not a shorthand.
    func testNonShorthandProviderPrefixIsAnUnknownModel() {
        for model in ["vllm::qwen", "tgi::local", "azure::gpt", "aws_bedrock::claude"] {
            let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"\(model)\"\n"), env: env)
            assertDiagnostic(
                outcome, .variantModelUnknown, .error, path: "functions.answer.variants.alpha", at: outcome.position(of: "\"\(model)\""),
                messageContains: ["Model name '\(model)' not found in model table"]
            )
        }
    }

    func testBestOfNEvaluatorNamingAnUnknownModelIsAnError() {
        let variants = """
        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"

        [functions.answer.variants.best]
        type = "experimental_best_of_n_sampling"
        candidates = ["alpha", "alpha"]

        [functions.answer.variants.best.evaluator]
        model = "judge-typo"

        """
        let outcome = compile(chat(variants), env: env)
        assertDiagnostic(
            outcome, .variantModelUnknown, .error, path: "functions.answer.variants.best", at: outcome.position(of: "\"judge-typo\""),
            messageContains: ["Model name 'judge-typo' not found in model table"]
        )
        assertNoDiagnostic(compile(chat(variants.replacingOccurrences(of: "judge-typo", with: "gpt")), env: env), .variantModelUnknown)
    }

    func testDynamicInContextLearningNamingAnUnknownEmbeddingModelIsAnError() {
        let variants = """
        [functions.answer.variants.dicl]
        type = "experimental_dynamic_in_context_learning"
        model = "gpt"
        embedding_model = "embedder"
        k = 3

        """
        let outcome = compile(chat(variants), env: env)
        assertDiagnostic(
            outcome, .variantModelUnknown, .error, path: "functions.answer.variants.dicl", at: outcome.position(of: "\"embedder\""),
            messageContains: ["'embedder'", "not found"]
        )
        let embedding = """
        [embedding_models.embedder]
        routing = ["p"]

        [embedding_models.embedder.providers.p]
        type = "openai"
        model_name = "text-embedding-3-small"

        """
        assertNoDiagnostic(compile(embedding + chat(variants), env: env), .variantModelUnknown)
    }

    func testNegativeVariantWeightIsAnError() {
        let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\nweight = -1.0\n"), env: env)
        assertDiagnostic(
            outcome, .negativeWeight, .error, path: "functions.answer.variants.alpha", at: outcome.position(of: "-1.0"),
            messageContains: ["`weight` must be non-negative"]
        )
    }

    func testZeroAndPositiveVariantWeightsAreAccepted() {
        let variants = """
        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        weight = 0.0

        [functions.answer.variants.beta]
        type = "chat_completion"
        model = "gpt"
        weight = 2

        """
        let outcome = compile(chat(variants), env: env)
        assertNoDiagnostic(outcome, .negativeWeight)
        assertNoErrors(outcome)
    }

    func testJSONModeOnAChatFunctionVariantIsAnError() {
        let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\njson_mode = \"strict\"\n"), env: env)
        assertDiagnostic(
            outcome, .jsonModeOnChatFunction, .error, path: "functions.answer.variants.alpha", at: outcome.position(of: "\"strict\""),
            messageContains: ["JSON mode is not supported for variant `alpha` (parent function is a chat function)"]
        )
    }

    func testJSONModeMissingOnAJSONFunctionVariantIsAnErrorAtTheVariant() {
        let toml = chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\n", type: "json")
        let outcome = compile(toml, env: env)
        assertDiagnostic(
            outcome, .jsonModeMissing, .error, path: "functions.answer.variants.alpha",
            at: outcome.position(of: "[functions.answer.variants.alpha]"),
            messageContains: ["`json_mode` must be specified for `[functions.answer.variants.alpha]` (parent function `answer` is a JSON function)"]
        )
    }

    func testJSONModeOnAJSONFunctionVariantIsAccepted() {
        for mode in ["off", "on", "strict", "tool"] {
            let toml = chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\njson_mode = \"\(mode)\"\n", type: "json")
            let outcome = compile(toml, env: env)
            assertNoDiagnostic(outcome, .jsonModeMissing)
            assertNoDiagnostic(outcome, .jsonModeOnChatFunction)
            assertNoErrors(outcome)
        }
    }

    func testChatFunctionVariantWithoutJSONModeIsAccepted() {
        let outcome = compile(chat("[functions.answer.variants.alpha]\ntype = \"chat_completion\"\nmodel = \"gpt\"\n"), env: env)
        assertNoDiagnostic(outcome, .jsonModeOnChatFunction)
        assertNoDiagnostic(outcome, .jsonModeMissing)
    }

    private func multiCandidate(_ type: String, judge: String, candidates: String) -> String {
        chat("""
        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"

        [functions.answer.variants.multi]
        type = "\(type)"
        candidates = \(candidates)

        [functions.answer.variants.multi.\(judge)]
        model = "gpt"

        """)
    }

    func testBestOfNUnknownCandidateIsAnError() {
        let outcome = compile(multiCandidate("experimental_best_of_n_sampling", judge: "evaluator", candidates: #"["alpha", "ghost"]"#), env: env)
        assertDiagnostic(
            outcome, .unknownCandidateVariant, .error, path: "functions.answer.variants.multi.candidates",
            at: outcome.position(of: "\"ghost\""), messageContains: ["Unknown candidate variant: ghost"]
        )
    }

    func testMixtureOfNUnknownCandidateIsAnError() {
        let outcome = compile(multiCandidate("experimental_mixture_of_n", judge: "fuser", candidates: #"["ghost", "alpha"]"#), env: env)
        assertDiagnostic(
            outcome, .unknownCandidateVariant, .error, path: "functions.answer.variants.multi.candidates",
            at: outcome.position(of: "\"ghost\""), messageContains: ["Unknown candidate variant: ghost"]
        )
    }

    func testRepeatedKnownCandidatesAreAccepted() {
        for (type, judge) in [("experimental_best_of_n_sampling", "evaluator"), ("experimental_mixture_of_n", "fuser")] {
            let outcome = compile(multiCandidate(type, judge: judge, candidates: #"["alpha", "alpha"]"#), env: env)
            assertNoDiagnostic(outcome, .unknownCandidateVariant)
            assertNoErrors(outcome)
        }
    }

    func testChainOfThoughtOnAJSONFunctionLoadsWithADeprecationWarning() {
        let toml = chat("[functions.answer.variants.cot]\ntype = \"experimental_chain_of_thought\"\nmodel = \"gpt\"\njson_mode = \"strict\"\n", type: "json")
        let outcome = compile(toml, env: env)
        assertDiagnostic(
            outcome, .deprecatedVariantType, .warning, path: "functions.answer.variants.cot",
            at: outcome.position(of: "[functions.answer.variants.cot]"), messageContains: ["experimental_chain_of_thought", "deprecated"]
        )
        assertNoErrors(outcome)
        let current = compile(toml.replacingOccurrences(of: "experimental_chain_of_thought", with: "chat_completion"), env: env)
        assertNoDiagnostic(current, .deprecatedVariantType)
    }

    /// TensorZero 2026.6.0 rejects chain-of-thought variants in chat functions (conformance case 250).
    func testChainOfThoughtOnAChatFunctionIsUnsupported() {
        let outcome = compile(chat("[functions.answer.variants.cot]\ntype = \"experimental_chain_of_thought\"\nmodel = \"gpt\"\n"), env: env)
        assertDiagnostic(
            outcome, .variantTypeUnsupported, .error, path: "functions.answer.variants.cot",
            at: outcome.position(of: "[functions.answer.variants.cot]"),
            messageContains: ["Unsupported variant `cot` of type `chain_of_thought` for function `answer` of type `chat`"]
        )
        assertNoDiagnostic(outcome, .deprecatedVariantType)
        XCTAssertNil(outcome.plan)
    }

    func testChainOfThoughtOnAJSONFunctionIsSupported() {
        let toml = chat("[functions.answer.variants.cot]\ntype = \"experimental_chain_of_thought\"\nmodel = \"gpt\"\njson_mode = \"strict\"\n", type: "json")
        assertNoDiagnostic(compile(toml, env: env), .variantTypeUnsupported)
    }
}
