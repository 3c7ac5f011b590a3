/// A best-of-N / mixture-of-N variant in progress: its successful candidates and, once they are in, whether its
/// evaluator or fuser is running. A reference, so that the many requests without one pay only for a nil check.
final class CandidateRound {
    let variant: VariantRoute
    /// The candidates' executions, until they have all finished.
    var candidates: [RequestExecution]
    /// The candidates that answered, in `candidates` order.
    var successes: [InferenceResult] = []
    /// Positions (in `successes`) of the candidates the evaluator was not shown.
    var skipped: [Int] = []
    var isJudging = false

    init(variant: VariantRoute, candidates: [RequestExecution]) {
        self.variant = variant
        self.candidates = candidates
    }

    /// `response` with the input and output tokens of every successful candidate and of `judgeResponse` added up,
    /// as TensorZero reports a best-of-N / mixture-of-N inference's usage.
    func totalUsage(on response: ProviderResponse, judgeResponse: ProviderResponse?) -> ProviderResponse {
        let responses = successes.compactMap(\.response) + (judgeResponse.map { [$0] } ?? [])
        var total = response
        total.inputTokens = Self.sum(responses.map(\.inputTokens))
        total.outputTokens = Self.sum(responses.map(\.outputTokens))
        return total
    }

    /// The sum of the known counts; `nil` when none is known.
    private static func sum(_ counts: [Int?]) -> Int? {
        let known = counts.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +)
    }
}
