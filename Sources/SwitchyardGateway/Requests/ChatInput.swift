import SwitchyardEngine

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
        payload.seed = try fields.int("seed") ?? payload.seed
        payload.stopSequences = try fields.strings("stop_sequences") ?? payload.stopSequences
    }
}
