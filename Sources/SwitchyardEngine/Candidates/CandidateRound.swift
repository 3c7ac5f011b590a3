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

    /// Takes in the candidates' results, in `candidates` order: keeps the successful ones and lets the executions
    /// go; returns their attempt count, their trace records (marked as run within this variant) and the failed
    /// ones' errors.
    func collect(
        _ results: [InferenceResult], recordingTrace: Bool
    ) -> (attempts: Int, trace: [AttemptRecord], errors: [InferenceError.CandidateError]) {
        candidates = []
        var attempts = 0
        var trace: [AttemptRecord] = []
        var errors: [InferenceError.CandidateError] = []
        for (index, result) in results.enumerated() {
            attempts += result.attemptCount
            if recordingTrace {
                trace += result.trace.map { record in
                    var record = record
                    record.within = variant.name
                    return record
                }
            }
            if result.status == 200, result.response != nil {
                successes.append(result)
            } else {
                errors.append(.init(index: index, variant: result.variant ?? variant.plan.candidates[index], error: result.error ?? .cancelled))
            }
        }
        return (attempts, trace, errors)
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
