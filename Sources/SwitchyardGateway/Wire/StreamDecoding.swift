import SwitchyardEngine

/// What one upstream stream event carried, in TensorZero's terms.
struct StreamChunk: Sendable, Equatable {
    /// A piece of one text content block; `id` tells blocks apart (`"0"`, or Anthropic's block index).
    struct TextDelta: Sendable, Equatable {
        var id: String
        var text: String
    }

    /// A piece of one tool call: the provider's id for it, its name in the call's first piece (`nil` after),
    /// and the next piece of its JSON arguments.
    struct ToolCallDelta: Sendable, Equatable {
        var id: String
        var name: String?
        var arguments: String
    }

    var text: [TextDelta] = []
    var toolCalls: [ToolCallDelta] = []
    var inputTokens: Int?
    var outputTokens: Int?
    var finishReason: ProviderResponse.FinishReason?

    /// The chunk as the engine sees an attempt's answer: what the first chunk said.
    var response: ProviderResponse {
        ProviderResponse(
            text: text.map(\.text).joined(),
            toolCalls: toolCalls.map { ProviderToolCall(id: $0.id, name: $0.name ?? "", arguments: $0.arguments) }, inputTokens: inputTokens, outputTokens: outputTokens, finishReason: finishReason)
    }
}

/// What an upstream stream event means.
enum StreamDecoding: Sendable, Equatable {
    case chunk(StreamChunk)
    /// Keep-alives and events that carry nothing for the caller.
    case skip
    /// The upstream's end-of-stream marker.
    case done
    /// The event could not be read; the message says why, in the provider's words (it follows
    /// `Error from {provider type} server: ` in the error event).
    case malformed(String)
    /// The upstream reported an error inside the stream; `status` is the HTTP status it corresponds to.
    case upstreamError(status: Int, body: String)
}

/// Reads one provider family's stream events, in order (some formats carry state between events).
protocol StreamDecoder: Sendable {
    mutating func decode(_ event: ServerSentEvent) -> StreamDecoding
}

/// A wire adapter that can also stream: its requests honour `attempt.stream`, and it reads the stream.
protocol StreamingWireAdapter: WireAdapter {
    func streamDecoder() -> any StreamDecoder
    /// The decoder for `attempt`'s stream (by default, `streamDecoder()`).
    func streamDecoder(for attempt: ProviderAttempt) -> any StreamDecoder
}

extension StreamingWireAdapter {
    func streamDecoder(for attempt: ProviderAttempt) -> any StreamDecoder { streamDecoder() }
}
