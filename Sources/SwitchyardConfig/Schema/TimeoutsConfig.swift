/// `timeouts = { non_streaming.total_ms, streaming.ttft_ms, streaming.total_ms }` at provider, model or variant level.
public struct TimeoutsConfig: Sendable, Hashable {
    public var nonStreamingTotalMs: Located<Int64>?
    public var streamingTTFTMs: Located<Int64>?
    public var streamingTotalMs: Located<Int64>?
    /// Where `timeouts` was written.
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }

    /// Each set bound with the name TensorZero's messages use (`non_streaming.total_ms`, ...).
    public var bounds: [(name: String, value: Located<Int64>)] {
        var list: [(String, Located<Int64>)] = []
        if let nonStreamingTotalMs { list.append(("non_streaming.total_ms", nonStreamingTotalMs)) }
        if let streamingTTFTMs { list.append(("streaming.ttft_ms", streamingTTFTMs)) }
        if let streamingTotalMs { list.append(("streaming.total_ms", streamingTotalMs)) }
        return list
    }

    /// Reads `key` of `reader` as a timeouts table (unknown keys rejected at every level).
    public static func read(_ key: String, from reader: inout TableReader) -> TimeoutsConfig? {
        guard var table = reader.table(key) else { return nil }
        var timeouts = TimeoutsConfig(location: table.location)
        if var nonStreaming = table.table("non_streaming") {
            timeouts.nonStreamingTotalMs = nonStreaming.unsigned("total_ms")
            nonStreaming.rejectUnknownKeys(expected: ["total_ms"])
        }
        if var streaming = table.table("streaming") {
            timeouts.streamingTTFTMs = streaming.unsigned("ttft_ms")
            timeouts.streamingTotalMs = streaming.unsigned("total_ms")
            streaming.rejectUnknownKeys(expected: ["ttft_ms", "total_ms"])
        }
        table.rejectUnknownKeys(expected: ["non_streaming", "streaming"])
        return timeouts
    }
}
