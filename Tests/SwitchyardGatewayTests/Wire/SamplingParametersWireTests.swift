import Foundation
import SwitchyardConfig
import SwitchyardPlan
import Testing
@testable import SwitchyardEngine
@testable import SwitchyardGateway

/// Where each provider type's upstream body carries the `f32` inference parameters, as TensorZero 2026.6.0 sent them
/// to a logging mock (its gateway from the PyPI wheel; the fixed-URL providers through a TLS-intercepting proxy):
/// `presence_penalty` and `frequency_penalty` beside `temperature` in the OpenAI format (and SageMaker's),
/// `presencePenalty` and `frequencyPenalty` in Gemini's `generationConfig`, and no penalty at all to Anthropic or
/// Bedrock. Every one goes out rounded through `Float` (`0.3` as `0.30000001192092896`).
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

    /// The provider table of one `type`, with made-up settings and `env::`/`dynamic::` credentials.
    static func providerLines(_ type: ProviderType) -> String {
        switch type {
        case .azure: #"deployment_id = "d"\#nendpoint = "https://azure.example.invalid"\#napi_key_location = "env::KEY""#
        case .vllm, .sglang: #"model_name = "m"\#napi_base = "http://127.0.0.1:9/v1/"\#napi_key_location = "env::KEY""#
        case .tgi: #"api_base = "http://127.0.0.1:9/v1/"\#napi_key_location = "env::KEY""#
        case .awsBedrock: #"model_id = "m"\#nregion = "us-east-1"\#naccess_key_id = "env::AK"\#nsecret_access_key = "env::SK""#
        case .awsSagemaker:
            #"endpoint_name = "e"\#nmodel_name = "m"\#nhosted_provider = "openai"\#nregion = "us-east-1"\#naccess_key_id = "env::AK"\#nsecret_access_key = "env::SK""#
        case .gcpVertexGemini, .gcpVertexAnthropic:
            #"model_id = "m"\#nlocation = "us-central1"\#nproject_id = "p"\#ncredential_location = "dynamic::gcp_key""#
        default: #"model_name = "m"\#napi_key_location = "env::KEY""#
        }
    }

    /// A config whose function `f` has one variant on a `type` provider, setting every `f32` parameter.
    static func config(_ type: ProviderType) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "\(type.rawValue)"
        \(providerLines(type))

        [functions.f]
        type = "chat"

        [functions.f.variants.v]
        type = "chat_completion"
        model = "m"
        max_tokens = 100
        temperature = 0.3
        top_p = 0.9
        presence_penalty = 0.3
        frequency_penalty = 0.7
        """
    }

    /// The body the `type` provider's adapter writes for the first attempt of a request to `f` carrying `payload`.
    static func upstreamBody(_ type: ProviderType, payload: InferencePayload) throws -> (text: String, json: [String: Any]) {
        let environment = Environment(["KEY": "sk-test", "AK": "AKIATEST", "SK": "secret"])
        let compilation = Compiler.compile(ConfigLoader.load(text: config(type), file: "/tmp/switchyard-wire-tests/tensorzero.toml"), environment: environment)
        let plan = try #require(compilation.plan, "\(compilation.diagnostics.map(\.description))")
        let engine = Engine(plan: plan, environment: environment)
        let request = InferenceRequest(
            target: .function("f"), episodeID: EpisodeID(high: 0, low: 0), credentials: ["gcp_key": Secret("{}")], payload: payload
        )
        let execution = engine.start(request, at: 0, jitterSeed: 1)
        guard case .attempt(let attempt) = execution.next(at: 0) else { throw NoAttempt(type: type) }
        let wire = try ProviderSupport.adapter(for: type).request(for: attempt, endpoint: "http://127.0.0.1:9/base")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(wire.body)) as? [String: Any])
        return (String(decoding: wire.body, as: UTF8.self), json)
    }

    struct NoAttempt: Error {
        var type: ProviderType
    }

    static let hello = [InferencePayload.Message(role: .user, text: ["hi"])]

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
        let body = try Self.upstreamBody(type, payload: InferencePayload(messages: Self.hello))
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

    @Test(arguments: ProviderType.allCases)
    func aRequestsOwnPenaltyWinsOverTheVariants(_ type: ProviderType) throws {
        let payload = InferencePayload(messages: Self.hello, temperature: 0.5, presencePenalty: -1.25)
        let body = try Self.upstreamBody(type, payload: payload)
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
