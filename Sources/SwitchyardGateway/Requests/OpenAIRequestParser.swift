import SwitchyardConfig
import SwitchyardEngine

/// Reads a `POST /openai/v1/chat/completions` body (reference §5.4) into an engine request.
enum OpenAIRequestParser {
    static let functionPrefix = "tensorzero::function_name::"
    static let modelPrefix = "tensorzero::model_name::"

    static func parse(_ bytes: [UInt8], limits: RequestLimits) throws -> ParsedInference {
        let body = try JSONFields.body(bytes)
        guard let model = try body.string("model") else {
            throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: missing field `model`")
        }
        let target = try target(model)
        if let n = try body.int("n"), n != 1 {
            throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: `n` must be 1")
        }
        var payload = try conversation(body, limits: limits)
        payload.temperature = try body.double("temperature")
        payload.topP = try body.double("top_p")
        payload.presencePenalty = try body.double("presence_penalty")
        payload.frequencyPenalty = try body.double("frequency_penalty")
        payload.reasoningEffort = try body.string("reasoning_effort")
        payload.serviceTier = try body.serviceTier("service_tier")
        payload.verbosity = try body.string("verbosity")
        payload.seed = try body.int("seed")
        payload.stopSequences = try body.strings("stop")
        let limits = [try body.int("max_tokens"), try body.int("max_completion_tokens")].compactMap { $0 }
        payload.maxTokens = limits.min()
        if let params = try body.fields("tensorzero::params")?.fields("chat_completion") {
            try ChatInput.applyParameters(params, to: &payload)
        }
        payload.extraBody = try RequestExtrasParser.body(body, key: "tensorzero::extra_body")
        payload.extraHeaders = try RequestExtrasParser.headers(body, key: "tensorzero::extra_headers")
        let tags = try body.stringMap("tensorzero::tags") ?? [:]
        try InferenceRequestParser.validateTags(tags)
        let episode = try body.string("tensorzero::episode_id").map(EpisodeIDs.parse) ?? EpisodeIDs.fresh()
        let credentials = (try body.stringMap("tensorzero::credentials") ?? [:]).mapValues(Secret.init)
        let request = InferenceRequest(
            target: target, episodeID: episode, pinnedVariant: try body.string("tensorzero::variant_name"),
            credentials: credentials, stream: try body.bool("stream") ?? false, payload: payload
        )
        return ParsedInference(
            request: request, dryrun: try body.bool("tensorzero::dryrun") ?? false, tags: tags,
            includeStreamUsage: try body.fields("stream_options")?.bool("include_usage") ?? false,
            interface: try OpenAIToolFields.interface(body)
        )
    }

    /// `tensorzero::function_name::F` or `tensorzero::model_name::M`.
    static func target(_ model: String) throws -> InferenceRequest.Target {
        if model.hasPrefix(functionPrefix), case let name = String(model.dropFirst(functionPrefix.count)), !name.isEmpty {
            return .function(name)
        }
        if model.hasPrefix(modelPrefix), case let name = String(model.dropFirst(modelPrefix.count)), !name.isEmpty {
            return .model(name)
        }
        throw GatewayError.badRequest(
            "Invalid request to OpenAI-compatible endpoint: `model` field must start with `tensorzero::function_name::` or "
                + "`tensorzero::model_name::`. For example, `tensorzero::function_name::my_function` for a function `my_function` "
                + "defined in your config, or `tensorzero::model_name::my_model` for a model `my_model` defined in your config."
        )
    }

    /// `system`/`developer` messages become the system text, or the system template's arguments (a single
    /// `{"type": "text", "tensorzero::arguments": {…}}` part); `user`/`assistant` the conversation.
    private static func conversation(_ body: JSONFields, limits: RequestLimits) throws -> InferencePayload {
        var payload = InferencePayload()
        var system: [String] = []
        let messages = try body.array("messages") ?? []
        try limits.checkMessages(count: messages.count, path: "messages")
        for (index, raw) in messages.enumerated() {
            let path = "messages[\(index)]"
            guard let message = raw as? [String: Any] else {
                throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: expected a message object")
            }
            let role = message["role"] as? String
            if role == "system" || role == "developer" {
                for block in try ChatInput.openAIContentBlocks(message["content"], role: "system", path: "\(path).content") {
                    switch block {
                    case .template(let name, let arguments):
                        guard name == "system", system.isEmpty, payload.systemArguments == nil else {
                            throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: System message cannot contain template with other content")
                        }
                        payload.systemArguments = arguments
                    case .text(let text), .rawText(let text):
                        guard payload.systemArguments == nil else {
                            throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: Cannot add text after template system message")
                        }
                        system.append(text)
                    case .toolCall, .toolResult:
                        throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: a system message cannot carry tool calls")
                    }
                }
                continue
            }
            if role == "tool" {
                payload.messages.append(InferencePayload.Message(role: .user, blocks: [try OpenAIToolFields.toolResult(message, path: path)]))
                continue
            }
            guard role == "user" || role == "assistant" else {
                throw GatewayError.badRequest("Invalid request to OpenAI-compatible endpoint: `\(path).role` `\(role ?? "null")` is not supported by this gateway build")
            }
            let content = message["content"] is String || message["content"] is [Any] ? message["content"] : ""
            let messageRole = try ChatInput.role(role, path: path)
            payload.messages.append(InferencePayload.Message(
                role: messageRole,
                blocks: try ChatInput.openAIContentBlocks(content, role: messageRole.rawValue, path: "\(path).content")
                    .filter { $0 != .text("") || message["tool_calls"] == nil } + OpenAIToolFields.toolCalls(message, path: path)
            ))
        }
        payload.system = system.isEmpty ? nil : system.joined(separator: "\n")
        return payload
    }
}
