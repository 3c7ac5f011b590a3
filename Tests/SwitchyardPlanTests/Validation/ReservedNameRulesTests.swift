import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Names TensorZero keeps for itself (reference §4): `tensorzero::` prefixes, provider-type prefixes on
/// model names, and the metric names `comment` / `demonstration`.
final class ReservedNameRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func namedModel(_ quotedName: String) -> String {
        """
        [models.\(quotedName)]
        routing = ["p"]

        [models.\(quotedName).providers.p]
        type = "openai"
        model_name = "gpt-4o-mini"

        """
    }

    func testModelNameWithShorthandProviderPrefixIsReserved() {
        let outcome = compile(namedModel(#""openai::custom""#), env: env)
        assertDiagnostic(
            outcome, .modelNameReserved, .error, path: "models.openai::custom", at: outcome.position(of: #""openai::custom""#),
            messageContains: ["Failed to load models: Model name 'openai::custom' contains a reserved prefix"]
        )
    }

    func testModelNameWithTensorZeroPrefixIsReserved() {
        let outcome = compile(namedModel(#""tensorzero::m""#), env: env)
        assertDiagnostic(
            outcome, .modelNameReserved, .error, path: "models.tensorzero::m", at: outcome.position(of: #""tensorzero::m""#),
            messageContains: ["Model name 'tensorzero::m' contains a reserved prefix"]
        )
    }

    func testModelNameWithNonShorthandProviderTypePrefixIsStillReserved() {
        for type in ["vllm", "tgi", "sglang", "azure", "aws_bedrock", "aws_sagemaker"] {
            let outcome = compile(namedModel("\"\(type)::local\""), env: env)
            assertDiagnostic(
                outcome, .modelNameReserved, .error, path: "models.\(type)::local", at: outcome.position(of: "\"\(type)::local\""),
                messageContains: ["Model name '\(type)::local' contains a reserved prefix"]
            )
        }
    }

    func testModelNamesThatOnlyLookLikePrefixesAreAccepted() {
        for name in [#""openai_custom""#, #""my::model""#, #""openai:custom""#, "plain"] {
            let outcome = compile(namedModel(name), env: env)
            assertNoDiagnostic(outcome, .modelNameReserved)
            assertNoErrors(outcome)
        }
    }

    func testEmbeddingModelNameWithReservedPrefixIsReserved() {
        let toml = """
        [embedding_models."openai::embed"]
        routing = ["p"]

        [embedding_models."openai::embed".providers.p]
        type = "openai"
        model_name = "text-embedding-3-small"

        """
        let outcome = compile(toml, env: env)
        assertDiagnostic(
            outcome, .modelNameReserved, .error, path: "embedding_models.openai::embed",
            at: outcome.position(of: #""openai::embed""#),
            messageContains: ["Failed to load embedding models: Embedding model name 'openai::embed' contains a reserved prefix"]
        )
        let valid = compile(toml.replacingOccurrences(of: "openai::embed", with: "embed"), env: env)
        assertNoDiagnostic(valid, .modelNameReserved)
    }

    private func function(named quotedName: String, variant: String = "alpha") -> String {
        """
        [functions.\(quotedName)]
        type = "chat"

        [functions.\(quotedName).variants.\(variant)]
        type = "chat_completion"
        model = "openai::gpt-4o-mini"

        """
    }

    func testFunctionNameWithTensorZeroPrefixIsAnError() {
        let outcome = compile(function(named: #""tensorzero::answer""#), env: env)
        assertDiagnostic(
            outcome, .functionNameReserved, .error, path: "functions.tensorzero::answer",
            at: outcome.position(of: #""tensorzero::answer""#),
            messageContains: ["User-defined function name cannot start with `tensorzero::`: tensorzero::answer"]
        )
        assertNoDiagnostic(compile(function(named: "answer"), env: env), .functionNameReserved)
    }

    func testVariantNameWithTensorZeroPrefixIsAnError() {
        let outcome = compile(function(named: "answer", variant: #""tensorzero::alpha""#), env: env)
        assertDiagnostic(
            outcome, .variantNameReserved, .error, path: "functions.answer.variants.tensorzero::alpha",
            at: outcome.position(of: #""tensorzero::alpha""#),
            messageContains: ["Variant name cannot start with 'tensorzero::': tensorzero::alpha"]
        )
        assertNoDiagnostic(compile(function(named: "answer", variant: "alpha"), env: env), .variantNameReserved)
    }

    private func metric(_ quotedName: String) -> String {
        """
        [metrics.\(quotedName)]
        type = "boolean"
        optimize = "max"
        level = "inference"

        """
    }

    func testMetricNameWithTensorZeroPrefixIsReserved() {
        let outcome = compile(metric(#""tensorzero::quality""#))
        assertDiagnostic(
            outcome, .metricNameReserved, .error, path: "metrics.tensorzero::quality",
            at: outcome.position(of: #""tensorzero::quality""#),
            messageContains: ["Metric name cannot start with 'tensorzero::': tensorzero::quality"]
        )
    }

    func testMetricNamesCommentAndDemonstrationAreReserved() {
        for name in ["comment", "demonstration"] {
            let outcome = compile(metric(name))
            assertDiagnostic(
                outcome, .metricNameReserved, .error, path: "metrics.\(name)", at: outcome.position(of: "\(name)]"),
                messageContains: ["Metric name '\(name)' is reserved and cannot be used"]
            )
        }
    }

    func testOrdinaryMetricNameIsAccepted() {
        let outcome = compile(metric("task_success") + metric("comments"))
        assertNoDiagnostic(outcome, .metricNameReserved)
        assertNoErrors(outcome)
    }

    func testToolNameWithTensorZeroPrefixIsReserved() {
        let toml = """
        [tools."tensorzero::lookup"]
        description = "Look something up"
        parameters = "lookup.json"

        """
        let outcome = compile(toml, files: ["lookup.json": "{}"])
        assertDiagnostic(
            outcome, .toolNameReserved, .error, path: "tools.tensorzero::lookup", at: outcome.position(of: #""tensorzero::lookup""#),
            messageContains: ["Tool name cannot start with 'tensorzero::': tensorzero::lookup"]
        )
        let valid = compile(toml.replacingOccurrences(of: "tensorzero::lookup", with: "lookup"), files: ["lookup.json": "{}"])
        assertNoDiagnostic(valid, .toolNameReserved)
        assertNoErrors(valid)
    }
}
