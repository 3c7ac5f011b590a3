/// One block of a message's content, as adapters map it to the wire.
public enum ContentBlock: Sendable, Hashable {
    case text(String)
    /// A tool call the assistant made earlier in the conversation; `arguments` is JSON text.
    case toolCall(id: String, name: String, arguments: String)
    /// The result of a tool call, sent back by the user.
    case toolResult(id: String, name: String, result: String)
}
