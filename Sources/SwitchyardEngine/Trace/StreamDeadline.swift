/// When a committed stream must end, and the error it ends with: after the first chunk TensorZero keeps
/// applying each level's `streaming.total_ms`, counted from when that level started, as a mid-stream error.
public struct StreamDeadline: Sendable, Hashable {
    public var at: Nanoseconds
    public var error: InferenceError

    public init(at: Nanoseconds, error: InferenceError) {
        self.at = at
        self.error = error
    }
}
