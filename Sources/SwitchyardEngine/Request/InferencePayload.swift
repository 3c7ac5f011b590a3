import SwitchyardPlan

/// What a request asks the model: the conversation and sampling parameters. The engine renders it with the
/// chosen variant's templates (`InputRendering`) and carries the result to each attempt; only provider
/// adapters read it then.
public struct InferencePayload: Sendable, Hashable {
    /// One message of the conversation.
    public struct Message: Sendable, Hashable {
        public enum Role: String, Sendable, Hashable {
            case user
            case assistant
        }

        public var role: Role
        /// The message's content blocks as the request sent them; once rendered, text only.
        public var content: [InputBlock]

        /// The text of the message's blocks, in order (what adapters send; a rendered message has no
        /// template blocks).
        public var text: [String] {
            content.compactMap(\.text)
        }

        public init(role: Role, text: [String]) {
            self.role = role
            content = text.map(InputBlock.text)
        }

        public init(role: Role, content: [InputBlock]) {
            self.role = role
            self.content = content
        }
    }

    /// One content block of a message, before rendering.
    public enum InputBlock: Sendable, Hashable {
        /// Text; a variant's role template without a schema wraps it (`user_text` / `assistant_text`).
        case text(String)
        /// Arguments for the variant's template `name`: a `template` block, or the legacy `text` block with
        /// `arguments` and object content (named after the message's role).
        case template(name: String, arguments: JSONValue)
        /// `raw_text`: sent as it is, never templated.
        case rawText(String)

        /// The block's text, or nil for template arguments.
        public var text: String? {
            switch self {
            case .text(let text), .rawText(let text): text
            case .template: nil
            }
        }
    }

    /// The fields, in immutable shared storage so that every attempt of a request carries the conversation by
    /// reference; setting a field replaces the storage.
    private var storage: Storage

    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private struct Fields: Sendable, Hashable {
        var system: String?
        var systemArguments: JSONValue?
        var messages: [Message] = []
        var temperature: Double?
        var maxTokens: Int?
        var topP: Double?
        var seed: Int?
        var stopSequences: [String]?
        var extraBody: [RequestExtra] = []
        var extraHeaders: [RequestExtra] = []
    }

    private static let empty = Storage(Fields())

    public var system: String? {
        get { storage.fields.system }
        set { update { $0.system = newValue } }
    }

    /// `system` sent as an object: arguments for the variant's `system` template.
    public var systemArguments: JSONValue? {
        get { storage.fields.systemArguments }
        set { update { $0.systemArguments = newValue } }
    }

    /// Whether any part of the input is template arguments rather than text.
    public var hasTemplateArguments: Bool {
        systemArguments != nil || messages.contains { $0.content.contains { $0.text == nil } }
    }

    public var messages: [Message] {
        get { storage.fields.messages }
        set { update { $0.messages = newValue } }
    }

    public var temperature: Double? {
        get { storage.fields.temperature }
        set { update { $0.temperature = newValue } }
    }

    public var maxTokens: Int? {
        get { storage.fields.maxTokens }
        set { update { $0.maxTokens = newValue } }
    }

    public var topP: Double? {
        get { storage.fields.topP }
        set { update { $0.topP = newValue } }
    }

    public var seed: Int? {
        get { storage.fields.seed }
        set { update { $0.seed = newValue } }
    }

    public var stopSequences: [String]? {
        get { storage.fields.stopSequences }
        set { update { $0.stopSequences = newValue } }
    }

    /// The request's own `extra_body` entries, applied after the config's.
    public var extraBody: [RequestExtra] {
        get { storage.fields.extraBody }
        set { update { $0.extraBody = newValue } }
    }

    /// The request's own `extra_headers` entries, applied after the config's.
    public var extraHeaders: [RequestExtra] {
        get { storage.fields.extraHeaders }
        set { update { $0.extraHeaders = newValue } }
    }

    public init(system: String? = nil, messages: [Message] = [], temperature: Double? = nil, maxTokens: Int? = nil,
                topP: Double? = nil, seed: Int? = nil, stopSequences: [String]? = nil) {
        let fields = Fields(
            system: system, messages: messages, temperature: temperature, maxTokens: maxTokens, topP: topP, seed: seed,
            stopSequences: stopSequences
        )
        storage = fields == Fields() ? Self.empty : Storage(fields)
    }

    public static func == (lhs: InferencePayload, rhs: InferencePayload) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
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
