import SwitchyardEngine
import SwitchyardPlan

/// Reads conversation messages and sampling parameters into the engine's `InferencePayload`.
enum ChatInput {
    /// One message's text blocks: `content` as a string or as `[{type: "text", text}]` blocks.
    static func textBlocks(_ content: Any?, path: String) throws -> [String] {
        if let text = content as? String { return [text] }
        guard let blocks = content as? [Any] else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: expected a string or an array of content blocks")
        }
        return try blocks.enumerated().map { index, block in
            guard let object = block as? [String: Any] else {
                throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)[\(index)]`: expected a content block object")
            }
            let type = object["type"] as? String ?? "text"
            guard type == "text", let text = object["text"] as? String else {
                throw GatewayError.badRequest(
                    "Unsupported content block at `\(path)[\(index)]`: this gateway build serves `text` blocks with a `text` string only"
                )
            }
            return text
        }
    }

    /// One `/inference` message's content: a string, an object of template arguments (named after the role),
    /// or blocks: `text` (with `text`, or legacy `arguments` for the role's template), `template` (`name`,
    /// `arguments`), `raw_text` (`value`), `tool_call` and `tool_result`.
    static func contentBlocks(_ content: Any?, role: InferencePayload.Message.Role, path: String) throws -> [ContentBlock] {
        if let text = content as? String { return [.text(text)] }
        if let object = content as? [String: Any] { return [.template(name: role.rawValue, arguments: try arguments(object, path: path))] }
        guard let blocks = content as? [Any] else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: expected a string or an array of content blocks")
        }
        return try blocks.enumerated().map { index, block in
            let blockPath = "\(path)[\(index)]"
            guard let object = block as? [String: Any] else {
                throw GatewayError.badRequest("Failed to deserialize JSON: `\(blockPath)`: expected a content block object")
            }
            if let tool = try toolBlock(object, path: blockPath) { return tool }
            switch object["type"] as? String ?? "text" {
            case "text":
                if let text = object["text"] as? String { return .text(text) }
                if let arguments = object["arguments"] { return .template(name: role.rawValue, arguments: try Self.arguments(arguments, path: "\(blockPath).arguments")) }
            case "template":
                if let name = object["name"] as? String, let arguments = object["arguments"] {
                    return .template(name: name, arguments: try Self.arguments(arguments, path: "\(blockPath).arguments"))
                }
            case "raw_text":
                if let value = object["value"] as? String { return .rawText(value) }
            default: break
            }
            throw GatewayError.badRequest(
                "Unsupported content block at `\(blockPath)`: this gateway build serves `text`, `template`, `raw_text`, `tool_call` and `tool_result` blocks"
            )
        }
    }

    /// One OpenAI-compatible message's content: a string, or parts `{"type": "text", "text"}`,
    /// `{"type": "text", "tensorzero::arguments": {…}}` (arguments for the role's template) and
    /// `{"type": "tensorzero::template", "name", "arguments"}`. `role` names the template `tensorzero::arguments`
    /// fill (`system`, `user`, `assistant`).
    static func openAIContentBlocks(_ content: Any?, role: String, path: String) throws -> [ContentBlock] {
        guard let parts = content as? [Any] else { return try textBlocks(content, path: path).map(ContentBlock.text) }
        return try parts.enumerated().map { index, part in
            let partPath = "\(path)[\(index)]"
            guard let object = part as? [String: Any] else {
                throw GatewayError.badRequest("Failed to deserialize JSON: `\(partPath)`: expected a content block object")
            }
            switch object["type"] as? String ?? "text" {
            case "text":
                if let text = object["text"] as? String { return .text(text) }
                if let arguments = object["tensorzero::arguments"] {
                    return .template(name: role, arguments: try Self.arguments(arguments, path: "\(partPath).tensorzero::arguments"))
                }
            case "tensorzero::template":
                if let name = object["name"] as? String, let arguments = object["arguments"] {
                    return .template(name: name, arguments: try Self.arguments(arguments, path: "\(partPath).arguments"))
                }
            default: break
            }
            throw GatewayError.badRequest(
                "Unsupported content block at `\(partPath)`: this gateway build serves `text` (with `text` or `tensorzero::arguments`) and `tensorzero::template` parts"
            )
        }
    }

    /// Template arguments: a JSON object.
    static func arguments(_ value: Any, path: String) throws -> SwitchyardPlan.JSONValue {
        guard value is [String: Any], let arguments = JSONValueConversion.value(value) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: expected an object of template arguments")
        }
        return arguments
    }

    /// A `user` or `assistant` role.
    static func role(_ value: Any?, path: String) throws -> InferencePayload.Message.Role {
        guard let name = value as? String, let role = InferencePayload.Message.Role(rawValue: name) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(path).role`: expected `user` or `assistant`")
        }
        return role
    }

    /// Applies `params.chat_completion`-style fields to `payload`.
    static func applyParameters(_ fields: JSONFields, to payload: inout InferencePayload) throws {
        payload.temperature = try fields.double("temperature") ?? payload.temperature
        payload.maxTokens = try fields.int("max_tokens") ?? payload.maxTokens
        payload.topP = try fields.double("top_p") ?? payload.topP
        payload.presencePenalty = try fields.double("presence_penalty") ?? payload.presencePenalty
        payload.frequencyPenalty = try fields.double("frequency_penalty") ?? payload.frequencyPenalty
        payload.seed = try fields.int("seed") ?? payload.seed
        payload.stopSequences = try fields.strings("stop_sequences") ?? payload.stopSequences
        payload.reasoningEffort = try fields.string("reasoning_effort") ?? payload.reasoningEffort
        payload.serviceTier = try fields.serviceTier("service_tier") ?? payload.serviceTier
        payload.thinkingBudgetTokens = try fields.int32("thinking_budget_tokens") ?? payload.thinkingBudgetTokens
        payload.verbosity = try fields.string("verbosity") ?? payload.verbosity
    }
}
