/// One block of a message's content, as adapters map it to the wire.
public enum ContentBlock: Sendable, Hashable {
    case text(String)
    /// A tool call the assistant made earlier in the conversation; `arguments` is JSON text.
    case toolCall(id: String, name: String, arguments: String)
    /// The result of a tool call, sent back by the user.
    case toolResult(id: String, name: String, result: String)
}

/// A tool call a provider answered with: its id, the name and arguments exactly as the model wrote them.
public struct ProviderToolCall: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The arguments as JSON text (not necessarily valid JSON).
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
