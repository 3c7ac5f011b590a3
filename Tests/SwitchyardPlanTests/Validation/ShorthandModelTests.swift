import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Shorthand model names (reference §2.3) and the reserved prefixes (§4).
final class ShorthandModelTests: XCTestCase {
    func testEveryShorthandPrefixParses() {
        let prefixes: [ProviderType] = [.anthropic, .deepseek, .fireworks, .googleAIStudioGemini, .gcpVertexGemini, .gcpVertexAnthropic,
                                        .hyperbolic, .groq, .mistral, .openai, .openrouter, .together, .xai]
        XCTAssertEqual(Set(ProviderType.allCases.filter(\.hasShorthand)), Set(prefixes))
        for type in prefixes {
            let parsed = ShorthandModel("\(type.rawValue)::some/model")
            XCTAssertEqual(parsed?.type, type)
            XCTAssertEqual(parsed?.modelName, "some/model")
        }
    }

    func testNonShorthandTypesAndPlainNamesDoNotParse() {
        for name in ["vllm::qwen", "tgi::x", "sglang::x", "azure::gpt", "aws_bedrock::claude", "aws_sagemaker::x", "gpt-4o", "openai:gpt", "tensorzero::x"] {
            XCTAssertNil(ShorthandModel(name), name)
        }
    }

    func testOpenAIResponsesShorthandKeepsItsPrefixInTheModelName() {
        XCTAssertEqual(ShorthandModel("openai::responses::gpt-5")?.modelName, "responses::gpt-5")
    }

    func testReservedPrefixesAreEveryProviderTypeAndTensorZero() {
        for type in ProviderType.allCases {
            XCTAssertTrue(ShorthandModel.isReserved("\(type.rawValue)::x"), type.rawValue)
        }
        XCTAssertTrue(ShorthandModel.isReserved("tensorzero::x"))
        for name in ["openai", "my::model", "openai_custom", "x::openai::y", "dummy::x"] {
            XCTAssertFalse(ShorthandModel.isReserved(name), name)
        }
    }
}
