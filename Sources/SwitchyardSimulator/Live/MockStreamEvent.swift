/// One Server-Sent Event of a live mock upstream's streamed answer.
struct MockStreamEvent: Sendable {
    /// The `event:` name (Anthropic names its events; OpenAI and Google do not).
    var name: String?
    /// The `data:` line (one line of JSON, or OpenAI's `[DONE]`).
    var data: String

    /// The event as it goes on the wire.
    var bytes: [UInt8] {
        Array(((name.map { "event: \($0)\n" } ?? "") + "data: \(data)\n\n").utf8)
    }
}
