import SwitchyardConfig
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
        /// The message's content blocks, in order; template arguments until the engine renders them.
        public var blocks: [ContentBlock]

        public init(role: Role, text: [String]) {
            self.role = role
            blocks = text.map(ContentBlock.text)
        }

        public init(role: Role, blocks: [ContentBlock]) {
            self.role = role
            self.blocks = blocks
        }

        /// The message's text, block by block (`text` and `raw_text`; template arguments, tool calls and
        /// results left out). A rendered message's templates are text.
        public var text: [String] {
            blocks.compactMap(\.text)
        }

        /// Whether the message carries tool calls or tool results.
        public var hasToolBlocks: Bool {
            blocks.contains { $0.isToolBlock }
        }
    }

    /// The fields, in immutable shared storage so that every attempt of a request carries the conversation by
    /// reference; setting a field replaces the storage.
    private var storage: Storage

    private final class Storage: Sendable {
        let fields: Fields
        /// Whether any part of the input is template arguments; worked out once, as requests ask per variant.
        let hasTemplateArguments: Bool
        /// Whether rendering has anything to do without templates: template arguments or a `raw_text` block.
        let hasUnrenderedBlocks: Bool

        init(_ fields: Fields) {
            self.fields = fields
            hasTemplateArguments = fields.systemArguments != nil || fields.messages.contains { $0.blocks.contains { $0.isTemplate } }
            hasUnrenderedBlocks = hasTemplateArguments
                || fields.messages.contains { $0.blocks.contains { if case .rawText = $0 { true } else { false } } }
        }
    }

    private struct Fields: Sendable, Hashable {
        var system: String?
        var systemArguments: JSONValue?
        var messages: [Message] = []
        var temperature: Double?
        var maxTokens: Int?
        var topP: Double?
        var presencePenalty: Double?
        var frequencyPenalty: Double?
        var seed: Int?
        var stopSequences: [String]?
        var reasoningEffort: String?
        var serviceTier: ServiceTier?
        var thinkingBudgetTokens: Int32?
        var verbosity: String?
        var extraBody: [RequestExtra] = []
        var extraHeaders: [RequestExtra] = []
        var tools: ToolSettings?
        var jsonOutput: JSONOutputSettings?
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
        storage.hasTemplateArguments
    }

    /// Whether rendering has anything to do without templates: template arguments (an error then) or
    /// `raw_text` blocks (sent as text).
    var hasUnrenderedBlocks: Bool {
        storage.hasUnrenderedBlocks
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

    public var presencePenalty: Double? {
        get { storage.fields.presencePenalty }
        set { update { $0.presencePenalty = newValue } }
    }

    public var frequencyPenalty: Double? {
        get { storage.fields.frequencyPenalty }
        set { update { $0.frequencyPenalty = newValue } }
    }

    public var seed: Int? {
        get { storage.fields.seed }
        set { update { $0.seed = newValue } }
    }

    public var stopSequences: [String]? {
        get { storage.fields.stopSequences }
        set { update { $0.stopSequences = newValue } }
    }

    public var reasoningEffort: String? {
        get { storage.fields.reasoningEffort }
        set { update { $0.reasoningEffort = newValue } }
    }

    public var serviceTier: ServiceTier? {
        get { storage.fields.serviceTier }
        set { update { $0.serviceTier = newValue } }
    }

    public var thinkingBudgetTokens: Int32? {
        get { storage.fields.thinkingBudgetTokens }
        set { update { $0.thinkingBudgetTokens = newValue } }
    }

    public var verbosity: String? {
        get { storage.fields.verbosity }
        set { update { $0.verbosity = newValue } }
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

    /// The tools offered (chat functions with tools, or `additional_tools`).
    public var tools: ToolSettings? {
        get { storage.fields.tools }
        set { update { $0.tools = newValue } }
    }

    /// JSON functions: the JSON mode override and the output schema.
    public var jsonOutput: JSONOutputSettings? {
        get { storage.fields.jsonOutput }
        set { update { $0.jsonOutput = newValue } }
    }

    public init(system: String? = nil, messages: [Message] = [], temperature: Double? = nil, maxTokens: Int? = nil,
                topP: Double? = nil, presencePenalty: Double? = nil, frequencyPenalty: Double? = nil, seed: Int? = nil,
                stopSequences: [String]? = nil) {
        let fields = Fields(
            system: system, messages: messages, temperature: temperature, maxTokens: maxTokens, topP: topP,
            presencePenalty: presencePenalty, frequencyPenalty: frequencyPenalty, seed: seed, stopSequences: stopSequences
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
    /// Tool calls the model made, after the text.
    public var toolCalls: [ProviderToolCall] = []
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var finishReason: FinishReason?

    public init(
        text: String, toolCalls: [ProviderToolCall] = [], inputTokens: Int? = nil, outputTokens: Int? = nil, finishReason: FinishReason? = nil
    ) {
        self.text = text
        self.toolCalls = toolCalls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.finishReason = finishReason
    }
}
