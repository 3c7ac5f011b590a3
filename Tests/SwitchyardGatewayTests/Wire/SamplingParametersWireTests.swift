import Foundation
import SwitchyardConfig
import Testing
@testable import SwitchyardEngine

/// Where each provider type's upstream body carries the `f32` inference parameters, as TensorZero 2026.6.0 sent them
/// to a logging mock (its gateway from the PyPI wheel; the fixed-URL providers through a TLS-intercepting proxy):
/// `presence_penalty` and `frequency_penalty` beside `temperature` in the OpenAI format (and SageMaker's),
/// `presencePenalty` and `frequencyPenalty` in Gemini's `generationConfig`, and no penalty at all to Anthropic or
/// Bedrock. Every one goes out rounded through `Float` (`0.3` as `0.30000001192092896`). `max_tokens` goes under each
/// type's own name.
@Suite struct SamplingParametersWireTests {
    /// The JSON path of each parameter in one provider type's body; `nil` where TensorZero leaves it out.
    struct WireNames {
        var temperature: [String]
        var topP: [String]
        var presencePenalty: [String]?
        var frequencyPenalty: [String]?

        static func of(_ type: ProviderType) -> WireNames {
            switch type {
            case .anthropic, .gcpVertexAnthropic:
                WireNames(temperature: ["temperature"], topP: ["top_p"])
            case .awsBedrock:
                WireNames(temperature: ["inferenceConfig", "temperature"], topP: ["inferenceConfig", "topP"])
            case .googleAIStudioGemini, .gcpVertexGemini:
                WireNames(
                    temperature: ["generationConfig", "temperature"], topP: ["generationConfig", "topP"],
                    presencePenalty: ["generationConfig", "presencePenalty"], frequencyPenalty: ["generationConfig", "frequencyPenalty"]
                )
            case .openai, .azure, .deepseek, .fireworks, .groq, .hyperbolic, .mistral, .openrouter, .sglang, .tgi, .together, .vllm,
                 .xai, .awsSagemaker:
                WireNames(temperature: ["temperature"], topP: ["top_p"], presencePenalty: ["presence_penalty"], frequencyPenalty: ["frequency_penalty"])
            }
        }
    }

    static let variantLines = """
        temperature = 0.3
        top_p = 0.9
        presence_penalty = 0.3
        frequency_penalty = 0.7
        """

    /// Whether the body holds a number at `path`, written exactly as `number` (compared as text: Foundation's
    /// parser on Linux reads some 17-digit numbers one unit off).
    static func sends(_ number: String, at path: [String], in body: (text: String, json: [String: Any])) -> Bool {
        var object = body.json
        for key in path.dropLast() {
            guard let inner = object[key] as? [String: Any] else { return false }
            object = inner
        }
        guard let key = path.last, object[key] is NSNumber else { return false }
        return body.text.contains("\"\(key)\":\(number)")
    }

    @Test(arguments: ProviderType.allCases)
    func theVariantsParametersGoWhereTensorZeroSendsThemRoundedThroughFloat(_ type: ProviderType) throws {
        let body = try UpstreamBodyFixture.body(type, variantLines: Self.variantLines)
        let names = WireNames.of(type)
        #expect(Self.sends("0.30000001192092896", at: names.temperature, in: body), "\(body.text)")
        #expect(Self.sends("0.8999999761581421", at: names.topP, in: body), "\(body.text)")
        if let presence = names.presencePenalty, let frequency = names.frequencyPenalty {
            #expect(Self.sends("0.30000001192092896", at: presence, in: body), "\(body.text)")
            #expect(Self.sends("0.699999988079071", at: frequency, in: body), "\(body.text)")
        }
        let penaltyKeys = body.text.lowercased().components(separatedBy: "penalty").count - 1
        #expect(penaltyKeys == (names.presencePenalty == nil ? 0 : 2), "\(body.text)")
    }

    /// Where TensorZero sent `max_tokens = 100`.
    static func maxTokensPath(_ type: ProviderType) -> [String] {
        switch type {
        case .openai, .azure, .groq, .openrouter, .awsSagemaker: ["max_completion_tokens"]
        case .googleAIStudioGemini, .gcpVertexGemini: ["generationConfig", "maxOutputTokens"]
        case .awsBedrock: ["inferenceConfig", "maxTokens"]
        case .anthropic, .gcpVertexAnthropic, .deepseek, .fireworks, .hyperbolic, .mistral, .sglang, .tgi, .together, .vllm, .xai: ["max_tokens"]
        }
    }

    @Test(arguments: ProviderType.allCases)
    func maxTokensGoesUnderTheNameTensorZeroUses(_ type: ProviderType) throws {
        let body = try UpstreamBodyFixture.body(type, variantLines: "")
        #expect(Self.sends("100", at: Self.maxTokensPath(type), in: body), "\(body.text)")
        #expect(body.text.components(separatedBy: ":100").count == 2, "\(body.text)")
    }

    @Test func aSageMakerEndpointHostingTGIGetsMaxTokens() throws {
        let body = try UpstreamBodyFixture.body(.awsSagemaker, hostedProvider: "tgi", variantLines: "")
        #expect(Self.sends("100", at: ["max_tokens"], in: body), "\(body.text)")
    }

    @Test(arguments: ProviderType.allCases)
    func aRequestsOwnPenaltyWinsOverTheVariants(_ type: ProviderType) throws {
        let payload = InferencePayload(messages: [.init(role: .user, text: ["hi"])], temperature: 0.5, presencePenalty: -1.25)
        let body = try UpstreamBodyFixture.body(type, variantLines: Self.variantLines, payload: payload)
        let names = WireNames.of(type)
        #expect(Self.sends("0.5", at: names.temperature, in: body), "\(body.text)")
        if let presence = names.presencePenalty, let frequency = names.frequencyPenalty {
            #expect(Self.sends("-1.25", at: presence, in: body), "\(body.text)")
            #expect(Self.sends("0.699999988079071", at: frequency, in: body), "\(body.text)")
        } else {
            #expect(!body.text.lowercased().contains("penalty"), "\(body.text)")
        }
    }
}
