import Foundation
import NIOCore
import SwitchyardConfig
import SwitchyardEngine

/// How a live mock upstream answers in one provider family's wire format. A new format is one conforming type
/// and one line in `MockWireFormats.format(for:)`.
protocol MockWireFormat: Sendable {
    /// A successful, non-streaming answer saying `response` (its text and usage), for the wire model `model`.
    func success(model: String?, response: ProviderResponse) -> [String: Any]
    /// The same answer as the provider streams it, event by event.
    func streamedSuccess(model: String?, response: ProviderResponse) -> [MockStreamEvent]
    /// The error body the provider sends with `status`; `revoked` when the credential was rejected.
    func error(status: Int, message: String, revoked: Bool) -> [String: Any]
    /// Whether a request to `path` with `body` asks for a streamed answer.
    func asksToStream(path: Substring, body: ByteBuffer) -> Bool
}

extension MockWireFormat {
    /// Whether `body` is a JSON object whose `stream` is `true` (how OpenAI and Anthropic requests ask).
    func streamFieldIsTrue(in body: ByteBuffer) -> Bool {
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
        return object?["stream"] as? Bool == true
    }

    /// `object` as one line of JSON, for an event's `data`.
    func line(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The wire formats the live mock upstreams speak, by provider type.
enum MockWireFormats {
    /// The format of `type`, or `nil` when the mock upstreams cannot answer as that provider yet.
    static func format(for type: ProviderType) -> (any MockWireFormat)? {
        switch type {
        case .openai, .azure, .deepseek, .fireworks, .groq, .hyperbolic, .mistral, .openrouter, .sglang, .tgi, .together,
             .vllm, .xai:
            OpenAIMockFormat()
        case .anthropic:
            AnthropicMockFormat()
        case .googleAIStudioGemini:
            GeminiMockFormat()
        case .awsBedrock, .awsSagemaker, .gcpVertexAnthropic, .gcpVertexGemini:
            nil
        }
    }
}
