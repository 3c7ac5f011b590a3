/// A request resolved against the plan once (its function or model, the variants it may use, its input checked),
/// to be started many times with different episodes, as a scenario's `send` table is. Starting it skips the
/// lookups a fresh request makes; it behaves exactly as the request would. It is shared by reference, so handing it
/// to each start counts one reference.
public final class PreparedRequest: Sendable {
    /// The request every start sends, with the episode each start gives it.
    public let request: InferenceRequest
    let target: TargetResolution
    /// The engine state it was resolved against; only that engine may start it.
    let core: EngineCore

    init(_ request: InferenceRequest, core: EngineCore) {
        self.request = request
        target = TargetResolution(core: core, request: request)
        self.core = core
    }
}
