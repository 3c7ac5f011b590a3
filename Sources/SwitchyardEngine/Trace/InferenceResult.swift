/// How a request ended, with every step it took.
public struct InferenceResult: Sendable {
    /// 200, or the error's status.
    public var status: Int
    /// The variant that served (or, for a pinned failure, was pinned).
    public var variant: String?
    public var model: String?
    public var provider: String?
    /// The credential location that served a success.
    public var credential: String?
    /// Whether that location was the fallback side of its setting.
    public var usedFallbackCredential: Bool
    /// What the serving upstream answered, on success.
    public var response: ProviderResponse?
    public var error: InferenceError?
    public var episodeID: EpisodeID
    public var start: Nanoseconds
    public var end: Nanoseconds
    /// Upstream attempts made (skipped providers do not count).
    public var attemptCount: Int
    /// Every step, when the execution was recording a trace; empty otherwise.
    public var trace: [AttemptRecord]
    /// For a streaming success: the earliest `streaming.total_ms` bound still running once the first chunk
    /// arrived (provider, model or variant), which the driver enforces on the rest of the stream.
    public var streamDeadline: StreamDeadline? = nil
}
