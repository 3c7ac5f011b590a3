import SwitchyardEngine

extension ChatInput {
    /// A `{"type": "tool_call", id, name, arguments}` block (arguments as JSON text or a JSON value) or a
    /// `{"type": "tool_result", id, name, result}` block; `nil` for any other block.
    static func toolBlock(_ object: [String: Any], path: String) throws -> ContentBlock? {
        guard let type = object["type"] as? String,
              type == "tool_call" || type == "tool_result" else { return nil }
        func string(_ key: String) throws -> String {
            guard let value = object[key] as? String else {
                throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: missing field `\(key)`")
            }
            return value
        }
        if type == "tool_result" {
            return .toolResult(id: try string("id"), name: try string("name"), result: try string("result"))
        }
        let arguments: String
        switch object["arguments"] {
        case let text as String: arguments = text
        case let value?: arguments = String(decoding: try JSONBytes.encode(value), as: UTF8.self)
        case nil: throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: missing field `arguments`")
        }
        return .toolCall(id: try string("id"), name: try string("name"), arguments: arguments)
    }
}
