import Foundation
import SwitchyardConfig
import SwitchyardPlan
@testable import SwitchyardEngine
@testable import SwitchyardGateway

/// The body a provider type's wire adapter writes for the first attempt of a request to function `f`, whose one
/// variant runs on a single provider of that type with the given variant lines.
enum UpstreamBodyFixture {
    struct NoAttempt: Error {
        var type: ProviderType
    }

    /// The provider table of one `type`, with made-up settings and `env::`/`dynamic::` credentials.
    static func providerLines(_ type: ProviderType, hostedProvider: String = "openai") -> String {
        switch type {
        case .azure: #"deployment_id = "d"\#nendpoint = "https://azure.example.invalid"\#napi_key_location = "env::KEY""#
        case .vllm, .sglang: #"model_name = "m"\#napi_base = "http://127.0.0.1:9/v1/"\#napi_key_location = "env::KEY""#
        case .tgi: #"api_base = "http://127.0.0.1:9/v1/"\#napi_key_location = "env::KEY""#
        case .awsBedrock: #"model_id = "m"\#nregion = "us-east-1"\#naccess_key_id = "env::AK"\#nsecret_access_key = "env::SK""#
        case .awsSagemaker:
            #"endpoint_name = "e"\#nmodel_name = "m"\#nhosted_provider = "\#(hostedProvider)"\#nregion = "us-east-1"\#naccess_key_id = "env::AK"\#nsecret_access_key = "env::SK""#
        case .gcpVertexGemini, .gcpVertexAnthropic:
            #"model_id = "m"\#nlocation = "us-central1"\#nproject_id = "p"\#ncredential_location = "dynamic::gcp_key""#
        default: #"model_name = "m"\#napi_key_location = "env::KEY""#
        }
    }

    static func config(_ type: ProviderType, hostedProvider: String, variantLines: String) -> String {
        """
        [models.m]
        routing = ["p"]

        [models.m.providers.p]
        type = "\(type.rawValue)"
        \(providerLines(type, hostedProvider: hostedProvider))

        [functions.f]
        type = "chat"

        [functions.f.variants.v]
        type = "chat_completion"
        model = "m"
        max_tokens = 100
        \(variantLines)
        """
    }

    /// The body's text and its parsed JSON.
    static func body(
        _ type: ProviderType, hostedProvider: String = "openai", variantLines: String,
        payload: InferencePayload = InferencePayload(messages: [.init(role: .user, text: ["hi"])])
    ) throws -> (text: String, json: [String: Any]) {
        let environment = Environment(["KEY": "sk-test", "AK": "AKIATEST", "SK": "secret"])
        let loaded = ConfigLoader.load(
            text: config(type, hostedProvider: hostedProvider, variantLines: variantLines), file: "/tmp/switchyard-wire-tests/tensorzero.toml"
        )
        let compilation = Compiler.compile(loaded, environment: environment)
        guard let plan = compilation.plan else { throw WireError(description: "\(compilation.diagnostics.map(\.description))") }
        let engine = Engine(plan: plan, environment: environment)
        let request = InferenceRequest(
            target: .function("f"), episodeID: EpisodeID(high: 0, low: 0), credentials: ["gcp_key": Secret("{}")], payload: payload
        )
        guard case .attempt(let attempt) = engine.start(request, at: 0, jitterSeed: 1).next(at: 0) else { throw NoAttempt(type: type) }
        let wire = try ProviderSupport.adapter(for: type).request(for: attempt, endpoint: "http://127.0.0.1:9/base")
        let json = try JSONSerialization.jsonObject(with: Data(wire.body)) as? [String: Any] ?? [:]
        return (String(decoding: wire.body, as: UTF8.self), json)
    }
}
