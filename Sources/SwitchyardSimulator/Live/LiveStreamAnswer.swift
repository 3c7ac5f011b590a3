import Foundation

/// What the live gateway streamed for one request (`"stream": true` on `/inference`): the `variant_name` its
/// chunks carry, the first `{"error": …}` event, and whether the stream ended with `data: [DONE]`.
struct LiveStreamAnswer: Sendable {
    var variant: String?
    /// The text the chunks' text blocks carried, joined.
    var text: String?
    var error: String?
    var finished = false

    /// Reads a whole `text/event-stream` body: events are separated by a blank line, and their `data:` lines
    /// joined by newlines.
    init(body: String) {
        let events = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        for event in events {
            let lines = event.split(separator: "\n").filter { $0.hasPrefix("data:") }
            guard !lines.isEmpty else { continue }
            let data = lines.map { $0.dropFirst("data:".count).drop { $0 == " " } }.joined(separator: "\n")
            if data == "[DONE]" {
                finished = true
                continue
            }
            let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
            if let message = object?["error"] as? String {
                error = error ?? message
            } else {
                if variant == nil { variant = object?["variant_name"] as? String }
                for case let block as [String: Any] in object?["content"] as? [Any] ?? [] {
                    if let piece = block["text"] as? String { text = (text ?? "") + piece }
                }
            }
        }
    }

    /// Why the stream counts as broken, or `nil` when it delivered its answer.
    var problem: String? {
        if let error { return "the stream carried an error event: \(error)" }
        return finished ? nil : "the stream ended without `data: [DONE]`"
    }
}
