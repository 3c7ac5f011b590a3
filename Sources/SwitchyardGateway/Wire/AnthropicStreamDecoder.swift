import SwitchyardEngine

/// Reads Anthropic's Messages API stream: `message_start` (input tokens), `content_block_start` /
/// `content_block_delta` (text, the block's index as its id; `tool_use` blocks and their `input_json_delta`s as
/// tool-call pieces under the block's tool id), `message_delta` (stop reason, output tokens),
/// `message_stop`; `ping` is a keep-alive and `error` an error inside the stream.
struct AnthropicStreamDecoder: StreamDecoder {
    /// Tool ids by content block index.
    private var toolIDs: [String: String] = [:]
    /// Text owed before the first text delta: the `{` that ends TensorZero's JSON prefill in `json_mode = "on"`.
    private var pendingPrefix: String

    init(prefix: String = "") {
        pendingPrefix = prefix
    }

    mutating func decode(_ event: ServerSentEvent) -> StreamDecoding {
        let object: [String: Any]
        switch StreamEventJSON.object(event.data) {
        case .success(let parsed): object = parsed
        case .failure(let error): return .malformed("Error parsing chunk. Error: \(error.description)")
        }
        let blockID = JSONValue.int(object["index"]).map(String.init) ?? "0"
        switch object["type"] as? String ?? event.event {
        case "message_start":
            let message = object["message"] as? [String: Any]
            let usage = message?["usage"] as? [String: Any]
            return .chunk(StreamChunk(inputTokens: JSONValue.int(usage?["input_tokens"]), outputTokens: JSONValue.int(usage?["output_tokens"])))
        case "content_block_start":
            let block = object["content_block"] as? [String: Any]
            if block?["type"] as? String == "tool_use", let id = block?["id"] as? String {
                toolIDs[blockID] = id
                return .chunk(StreamChunk(toolCalls: [.init(id: id, name: block?["name"] as? String ?? "", arguments: "")]))
            }
            guard block?["type"] as? String == "text", let text = block?["text"] as? String else { return .chunk(StreamChunk()) }
            return .chunk(StreamChunk(text: [.init(id: blockID, text: prefixed(text))]))
        case "content_block_delta":
            let delta = object["delta"] as? [String: Any]
            if delta?["type"] as? String == "input_json_delta", let id = toolIDs[blockID] {
                return .chunk(StreamChunk(toolCalls: [.init(id: id, name: nil, arguments: delta?["partial_json"] as? String ?? "")]))
            }
            guard delta?["type"] as? String == "text_delta", let text = delta?["text"] as? String else { return .chunk(StreamChunk()) }
            return .chunk(StreamChunk(text: [.init(id: blockID, text: prefixed(text))]))
        case "message_delta":
            let delta = object["delta"] as? [String: Any]
            let usage = object["usage"] as? [String: Any]
            return .chunk(StreamChunk(
                outputTokens: JSONValue.int(usage?["output_tokens"]),
                finishReason: (delta?["stop_reason"] as? String).map(AnthropicAdapter.finishReason)
            ))
        case "message_stop":
            return .done
        case "error":
            let error = object["error"] ?? object
            let type = (error as? [String: Any])?["type"] as? String
            return .upstreamError(status: Self.status(ofErrorType: type), body: StreamEventJSON.text(error))
        default:
            return .skip
        }
    }

    private mutating func prefixed(_ text: String) -> String {
        defer { pendingPrefix = "" }
        return pendingPrefix + text
    }

    /// The HTTP status Anthropic documents for each error type.
    static func status(ofErrorType type: String?) -> Int {
        switch type {
        case "invalid_request_error": 400
        case "authentication_error": 401
        case "permission_error": 403
        case "not_found_error": 404
        case "request_too_large": 413
        case "rate_limit_error": 429
        case "overloaded_error": 529
        default: 500
        }
    }
}

extension AnthropicAdapter: StreamingWireAdapter {
    func streamDecoder() -> any StreamDecoder { AnthropicStreamDecoder() }

    func streamDecoder(for attempt: ProviderAttempt) -> any StreamDecoder {
        AnthropicStreamDecoder(prefix: attempt.jsonMode == "on" ? "{" : "")
    }
}
