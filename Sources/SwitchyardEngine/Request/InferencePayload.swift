/// What a request asks the model: the conversation and sampling parameters. The engine carries it to each
/// attempt unchanged; only provider adapters read it.
public struct InferencePayload: Sendable, Hashable {
    /// One message of the conversation.
    public struct Message: Sendable, Hashable {
        public enum Role: String, Sendable, Hashable {
            case user
            case assistant
        }

        public var role: Role
        /// The message's text blocks, in order.
        public var text: [String]

        public init(role: Role, text: [String]) {
            self.role = role
            self.text = text
        }
    }

    public var system: String?
    public var messages: [Message]
    public var temperature: Double?
    public var maxTokens: Int?
    public var topP: Double?
    public var seed: Int?
    public var stopSequences: [String]?
    /// The request's own `extra_body` entries, applied after the config's.
    public var extraBody: [RequestExtra] = []
    /// The request's own `extra_headers` entries, applied after the config's.
    public var extraHeaders: [RequestExtra] = []

    public init(system: String? = nil, messages: [Message] = [], temperature: Double? = nil, maxTokens: Int? = nil,
                topP: Double? = nil, seed: Int? = nil, stopSequences: [String]? = nil) {
        self.system = system
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.topP = topP
        self.seed = seed
        self.stopSequences = stopSequences
    }
}

/// What an upstream answered: the model's text, token usage and why it stopped.
public struct ProviderResponse: Sendable, Hashable {
    /// Why generation stopped, in TensorZero's terms.
    public enum FinishReason: String, Sendable, Hashable {
        case stop
        case stopSequence = "stop_sequence"
        case length
        case toolCall = "tool_call"
        case contentFilter = "content_filter"
        case unknown
    }

    public var text: String
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var finishReason: FinishReason?

    public init(text: String, inputTokens: Int? = nil, outputTokens: Int? = nil, finishReason: FinishReason? = nil) {
        self.text = text
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.finishReason = finishReason
    }
}
