import SwitchyardEngine

/// Anthropic models on GCP Vertex AI, as TensorZero's `gcp_vertex_anthropic` provider calls them:
/// `POST {model resource}:rawPredict` (`:streamRawPredict` when streaming) with a bearer access token and
/// Anthropic's Messages body, where the model is in the URL and `anthropic_version` is Vertex's.
struct VertexAnthropicAdapter: StreamingWireAdapter {
    static let anthropicVersion = "vertex-2023-10-16"

    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest {
        var body = try AnthropicAdapter.body(for: attempt)
        body["model"] = nil
        body["anthropic_version"] = Self.anthropicVersion
        let url = "\(endpoint):\(attempt.stream ? "streamRawPredict" : "rawPredict")"
        return WireRequest(url: url, headers: [("content-type", "application/json")], body: try JSONValue.encode(body))
    }

    func parse(_ bytes: [UInt8], providerType: String) -> AttemptOutcome {
        AnthropicAdapter().parse(bytes, providerType: providerType)
    }

    func parse(_ bytes: [UInt8], for attempt: ProviderAttempt) -> AttemptOutcome {
        AnthropicAdapter().parse(bytes, for: attempt)
    }

    func streamDecoder() -> any StreamDecoder {
        AnthropicAdapter().streamDecoder()
    }

    func streamDecoder(for attempt: ProviderAttempt) -> any StreamDecoder {
        AnthropicAdapter().streamDecoder(for: attempt)
    }
}
