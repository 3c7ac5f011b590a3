import SwitchyardConfig
import SwitchyardEngine

/// A parsed request, whichever endpoint it came from: what the engine runs plus what the response echoes.
struct ParsedInference: Sendable {
    var request: InferenceRequest
    var dryrun: Bool
    var tags: [String: String]
    /// `stream_options.include_usage` (OpenAI-compatible endpoint): whether the stream's closing chunk carries usage.
    var includeStreamUsage = false
    /// The request's tool and JSON-output fields, merged into `request.payload` once the function is known.
    var interface = RequestInterface()
}

/// Reads a `POST /inference` body (reference §5.1) into an engine request.
enum InferenceRequestParser {
    static func parse(_ bytes: [UInt8], limits: RequestLimits) throws -> ParsedInference {
        let body = try JSONFields.body(bytes)
        let target = try target(function: body.string("function_name"), model: body.string("model_name"))
        let episode = try body.string("episode_id").map(EpisodeIDs.parse) ?? EpisodeIDs.fresh()
        var payload = InferencePayload()
        if let input = try body.fields("input") {
            if let system = input.raw("system") {
                if let text = system as? String {
                    payload.system = text
                } else {
                    payload.systemArguments = try ChatInput.arguments(system, path: "input.system")
                }
            }
            let messages = try input.array("messages") ?? []
            try limits.checkMessages(count: messages.count, path: "input.messages")
            for (index, raw) in messages.enumerated() {
                let path = "input.messages[\(index)]"
                guard let message = raw as? [String: Any] else {
                    throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: expected a message object")
                }
                let role = try ChatInput.role(message["role"], path: path)
                payload.messages.append(InferencePayload.Message(
                    role: role, blocks: try ChatInput.contentBlocks(message["content"], role: role, path: "\(path).content")
                ))
            }
        } else {
            throw GatewayError.badRequest("Failed to deserialize JSON: missing field `input`")
        }
        if let chat = try body.fields("params")?.fields("chat_completion") {
            try ChatInput.applyParameters(chat, to: &payload)
        }
        payload.extraBody = try RequestExtrasParser.body(body, key: "extra_body")
        payload.extraHeaders = try RequestExtrasParser.headers(body, key: "extra_headers")
        let tags = try body.stringMap("tags") ?? [:]
        try validateTags(tags)
        let credentials = (try body.stringMap("credentials") ?? [:]).mapValues(Secret.init)
        let request = InferenceRequest(
            target: target, episodeID: episode, pinnedVariant: try body.string("variant_name"), credentials: credentials,
            stream: try body.bool("stream") ?? false, payload: payload
        )
        return ParsedInference(
            request: request, dryrun: try body.bool("dryrun") ?? false, tags: tags, interface: try RequestInterface.parse(body)
        )
    }

    /// Exactly one of `function_name` / `model_name` (TensorZero's `InvalidInferenceTarget`).
    static func target(function: String?, model: String?) throws -> InferenceRequest.Target {
        switch (function, model) {
        case (let function?, nil): return .function(function)
        case (nil, let model?): return .model(model)
        case (_?, _?): throw GatewayError.badRequest("Invalid inference target: Only one of `function_name` or `model_name` can be provided")
        case (nil, nil): throw GatewayError.badRequest("Invalid inference target: Either `function_name` or `model_name` must be provided")
        }
    }

    /// Tag names may not use the reserved prefix.
    static func validateTags(_ tags: [String: String]) throws {
        if let reserved = tags.keys.sorted().first(where: { $0.hasPrefix("tensorzero::") }) {
            throw GatewayError.badRequest("Tag name cannot start with 'tensorzero::': \(reserved)")
        }
    }
}
