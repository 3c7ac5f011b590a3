/// Tags each live request's message text with its number, so a mock upstream can tell which request an attempt
/// belongs to: the gateway forwards the conversation to every provider it tries, in any wire format.
enum LiveRequestMarker {
    private static let prefix = "switchyard-live-request-"

    /// The user message of request `number`.
    static func text(for number: Int) -> String { "\(prefix)\(number)" }

    /// The request number an upstream request body carries, if any.
    static func number(in body: String) -> Int? {
        guard let range = body.range(of: prefix) else { return nil }
        return Int(body[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }
}
