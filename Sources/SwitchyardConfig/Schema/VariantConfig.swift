/// One `[functions.F.variants.V]` table.
public struct VariantConfig: Sendable {
    /// The variant types TensorZero accepts.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case chatCompletion = "chat_completion"
        case bestOfN = "experimental_best_of_n_sampling"
        case mixtureOfN = "experimental_mixture_of_n"
        case dynamicInContextLearning = "experimental_dynamic_in_context_learning"
        case chainOfThought = "experimental_chain_of_thought"

        /// The order TensorZero lists them in its "unknown variant" error.
        static let listing: [Kind] = [.chatCompletion, .bestOfN, .dynamicInContextLearning, .mixtureOfN, .chainOfThought]
    }

    public var name: Located<String>
    public var kind: Kind
    /// `functions.F.variants.V`.
    public var path: String
    public var location: SourceLocation
    /// The model called (chat completion, DICL, chain of thought).
    public var model: Located<String>?
    public var weight: Located<Double>?
    public var jsonMode: Located<String>?
    public var retries: RetryConfig
    public var timeouts: TimeoutsConfig?
    /// Best-of-N / mixture-of-N candidates (repeats allowed).
    public var candidates: [Located<String>]
    /// Best-of-N / mixture-of-N `timeout_s` (deprecated): TensorZero copies it onto each candidate's `timeouts`.
    public var candidateTimeoutSeconds: Located<Double>?
    /// The evaluator's or fuser's model (best-of-N / mixture-of-N).
    public var judgeModel: Located<String>? { judge?.model }
    /// The best-of-N evaluator or mixture-of-N fuser: a chat-completion table of its own, named `V.evaluator` /
    /// `V.fuser` (its templates are also listed in `templates` as `evaluator.…` / `fuser.…`, so the template
    /// rules check them with the variant's).
    public var judge: VariantConfig? {
        get { judgeTable.first }
        set { judgeTable = newValue.map { [$0] } ?? [] }
    }
    /// Storage for `judge` (a struct cannot hold itself directly).
    var judgeTable: [VariantConfig] = []
    /// Template paths by role (`system_template`, `user_template`, `assistant_template`, `templates.NAME`).
    public var templates: [String: Located<String>]
    /// DICL's embedding model.
    public var embeddingModel: Located<String>?
    /// The inference parameters of a chat-completion-like variant (`SamplingParameters` lists them).
    public var parameters = SamplingParameters()
    /// `extra_headers` entries of a chat-completion-like variant, in order.
    public var extraHeaders: [ExtraEntry] = []
    /// `extra_body` entries of a chat-completion-like variant, in order.
    public var extraBody: [ExtraEntry] = []
}
