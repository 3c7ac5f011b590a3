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

    /// `function_name` or `model_name`.
    public var target: Target {
        get { storage.target }
        set { uniqueStorage().target = newValue }
    }
    public var episodeID: EpisodeID
    /// `variant_name`: run only this variant, with no sampling and no fallback.
    public var pinnedVariant: String? {
        get { storage.pinnedVariant }
        set { uniqueStorage().pinnedVariant = newValue }
    }
    /// The request's dynamic credentials (`credentials` / `tensorzero::credentials`).
    public var credentials: [String: Secret] {
        get { storage.credentials }
        set { uniqueStorage().credentials = newValue }
    }
    public var stream: Bool
    /// The conversation and parameters, passed to every attempt.
    public var payload: InferencePayload {
        get { storage.payload }
        set { uniqueStorage().payload = newValue }
    }

    /// The fields that hold references, kept together so that copying a request (a driver reusing one
    /// request with new episode ids, the engine keeping it for a whole execution) retains one object.
    private final class Storage: @unchecked Sendable {
        var target: Target
        var pinnedVariant: String?
        var credentials: [String: Secret]
        var payload: InferencePayload

        init(target: Target, pinnedVariant: String?, credentials: [String: Secret], payload: InferencePayload) {
            self.target = target
            self.pinnedVariant = pinnedVariant
            self.credentials = credentials
            self.payload = payload
        }
    }

    private var storage: Storage

    public init(
        target: Target, episodeID: EpisodeID, pinnedVariant: String? = nil, credentials: [String: Secret] = [:],
        stream: Bool = false, payload: InferencePayload = InferencePayload()
    ) {
        storage = Storage(target: target, pinnedVariant: pinnedVariant, credentials: credentials, payload: payload)
        self.episodeID = episodeID
        self.stream = stream
    }

    /// Whether `other` carries the very same target, pinned variant, credentials and payload (a copy of this
    /// request, or this one a copy of it), which compares no values.
    func sharesStorage(with other: borrowing InferenceRequest) -> Bool {
        storage === other.storage
    }

    /// The storage, copied first if another request shares it (storage is only written through here).
    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(target: storage.target, pinnedVariant: storage.pinnedVariant, credentials: storage.credentials, payload: storage.payload)
        }
        return storage
    }
}

/// Engine time: nanoseconds on whatever clock drives the engine (simulated or the system's).
public typealias Nanoseconds = Int64

extension Nanoseconds {
    /// `milliseconds` as nanoseconds.
    public static func milliseconds(_ milliseconds: Int64) -> Nanoseconds { milliseconds * 1_000_000 }
}
