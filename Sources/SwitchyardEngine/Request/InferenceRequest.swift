import SwitchyardConfig

/// One inference request as the engine sees it, whichever endpoint it arrived on.
public struct InferenceRequest: Sendable {
    /// What the request asks for.
    public enum Target: Sendable, Hashable {
        /// `function_name`: a configured function.
        case function(String)
        /// `model_name`: a configured or shorthand model, served through `tensorzero::default`.
        case model(String)
    }

    public var target: Target
    public var episodeID: EpisodeID
    /// `variant_name`: run only this variant, with no sampling and no fallback.
    public var pinnedVariant: String?
    /// The request's dynamic credentials (`credentials` / `tensorzero::credentials`).
    public var credentials: [String: Secret]
    public var stream: Bool
    /// The conversation and parameters, passed to every attempt.
    public var payload: InferencePayload

    public init(
        target: Target, episodeID: EpisodeID, pinnedVariant: String? = nil, credentials: [String: Secret] = [:],
        stream: Bool = false, payload: InferencePayload = InferencePayload()
    ) {
        self.target = target
        self.episodeID = episodeID
        self.pinnedVariant = pinnedVariant
        self.credentials = credentials
        self.stream = stream
        self.payload = payload
    }
}

/// Engine time: nanoseconds on whatever clock drives the engine (simulated or the system's).
public typealias Nanoseconds = Int64

extension Nanoseconds {
    /// `milliseconds` as nanoseconds.
    public static func milliseconds(_ milliseconds: Int64) -> Nanoseconds { milliseconds * 1_000_000 }
}
