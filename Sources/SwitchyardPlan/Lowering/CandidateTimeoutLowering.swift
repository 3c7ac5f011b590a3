import SwitchyardConfig

/// TensorZero's handling of the deprecated best-of-N / mixture-of-N `timeout_s`: it becomes each candidate
/// variant's `timeouts` (`non_streaming.total_ms` and `streaming.ttft_ms`, in whole milliseconds), wherever the
/// candidate runs, pinned or sampled too. `CandidateTimeoutRules` reports the conflicts TensorZero refuses.
enum CandidateTimeoutLowering {
    /// The timeouts `timeout_s` gives candidates, by candidate name.
    static func timeouts(of function: FunctionConfig) -> [String: TimeoutPlan] {
        var timeouts: [String: TimeoutPlan] = [:]
        for variant in function.variants {
            guard let seconds = variant.candidateTimeoutSeconds?.value else { continue }
            let milliseconds = Int64(max(0, min(seconds * 1000, Double(Int64.max / 2))))
            for candidate in variant.candidates {
                timeouts[candidate.value] = TimeoutPlan(nonStreamingTotalMs: milliseconds, streamingTTFTMs: milliseconds, streamingTotalMs: nil)
            }
        }
        return timeouts
    }
}
