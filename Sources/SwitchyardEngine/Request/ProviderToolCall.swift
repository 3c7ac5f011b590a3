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
