import SwitchyardEngine

extension Gateway {
    /// Runs a streaming request through `served`'s engine until it commits to an upstream's stream (or fails
    /// before any first chunk) and logs it, as `serve` does.
    func serveStream(_ parsed: ParsedInference, endpoint: String, on served: ServedPlan) async -> StreamingRun<UpstreamStream> {
        let run = await served.engine.runStreaming(parsed.request, transport: served.transport, clock: clock, jitterSeed: UInt64.random(in: .min ... .max))
        RequestLog.record(run.result, request: parsed.request, endpoint: endpoint, logger: logger)
        return run
    }
}
