/// A chat-completion variant's inference parameters that Switchyard sends (`temperature`, `top_p`, `max_tokens`,
/// `presence_penalty`, `frequency_penalty`, `seed`, `stop_sequences`, `reasoning_effort`, `service_tier`,
/// `thinking_budget_tokens`, `verbosity`): a request's own values take precedence, as TensorZero backfills them.
public struct SamplingParameters: Sendable, Hashable {
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var presencePenalty: Double?
    public var frequencyPenalty: Double?
    public var seed: Int?
    public var stopSequences: [String]?
    /// Any string: TensorZero passes it on unchecked.
    public var reasoningEffort: String?
    public var serviceTier: ServiceTier?
    public var thinkingBudgetTokens: Int32?
    /// Any string: TensorZero passes it on unchecked.
    public var verbosity: String?

    public init(
        temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil, presencePenalty: Double? = nil,
        frequencyPenalty: Double? = nil, seed: Int? = nil, stopSequences: [String]? = nil, reasoningEffort: String? = nil,
        serviceTier: ServiceTier? = nil, thinkingBudgetTokens: Int32? = nil, verbosity: String? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
        self.seed = seed
        self.stopSequences = stopSequences
        self.reasoningEffort = reasoningEffort
        self.serviceTier = serviceTier
        self.thinkingBudgetTokens = thinkingBudgetTokens
        self.verbosity = verbosity
    }

    /// Whether no parameter is set.
    public var isEmpty: Bool { self == SamplingParameters() }

    /// Reads the parameters of a chat-completion-like table.
    static func read(from reader: inout TableReader) -> SamplingParameters {
        SamplingParameters(
            temperature: reader.number("temperature")?.value, topP: reader.number("top_p")?.value,
            maxTokens: reader.unsigned("max_tokens").map { Int(clamping: $0.value) },
            presencePenalty: reader.number("presence_penalty")?.value, frequencyPenalty: reader.number("frequency_penalty")?.value,
            seed: reader.unsigned("seed").map { Int(clamping: $0.value) }, stopSequences: reader.stringArray("stop_sequences")?.map(\.value),
            reasoningEffort: reader.string("reasoning_effort")?.value, serviceTier: readServiceTier(from: &reader),
            thinkingBudgetTokens: reader.int32("thinking_budget_tokens")?.value, verbosity: reader.string("verbosity")?.value
        )
    }

    private static func readServiceTier(from reader: inout TableReader) -> ServiceTier? {
        guard let tier = reader.string("service_tier") else { return nil }
        guard let known = ServiceTier(rawValue: tier.value) else {
            reader.diagnostics.report(.invalidValue, at: tier.location, path: reader.path(of: "service_tier"), ServiceTier.unknownValueMessage(tier.value))
            return nil
        }
        return known
    }
}
