/// Bounds on one request, checked before anything is parsed or sent upstream; each has a `switchyard serve`
/// option and a clear error naming the limit and that option.
public struct RequestLimits: Sendable, Equatable {
    /// The largest request body, in bytes (413 beyond it).
    public var maxBodyBytes: Int
    /// The largest total of header names and values, in bytes (431 beyond it). The HTTP parser itself refuses
    /// (400, connection closed) header lists over twice this size without buffering them.
    public var maxHeaderBytes: Int
    /// The most conversation messages one request may carry (400 beyond it).
    public var maxMessages: Int
    /// The deepest nesting of JSON arrays and objects in a request body (400 beyond it).
    public var maxJSONDepth: Int

    /// 10 MiB bodies, 64 KiB of headers, 1024 messages, 64 levels of JSON.
    public static let standard = RequestLimits(maxBodyBytes: 10 * 1024 * 1024, maxHeaderBytes: 64 * 1024, maxMessages: 1024, maxJSONDepth: 64)

    public init(maxBodyBytes: Int, maxHeaderBytes: Int, maxMessages: Int, maxJSONDepth: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxMessages = maxMessages
        self.maxJSONDepth = maxJSONDepth
    }

    /// 413 when a body of `length` bytes is over the limit.
    func checkBody(length: Int) throws(GatewayError) {
        if length > maxBodyBytes { throw bodyTooLarge }
    }

    /// The 413 for a body over the limit.
    var bodyTooLarge: GatewayError {
        GatewayError(status: 413, message: "Request body too large: the limit is \(maxBodyBytes) bytes (set with `switchyard serve --max-body-bytes`)")
    }

    /// 431 when headers totalling `size` bytes are over the limit.
    func checkHeaders(size: Int) throws(GatewayError) {
        guard size > maxHeaderBytes else { return }
        throw GatewayError(
            status: 431,
            message: "Request headers too large: \(size) bytes, the limit is \(maxHeaderBytes) bytes (set with `switchyard serve --max-header-bytes`)"
        )
    }

    /// 400 when the array at `path` holds more messages than allowed.
    func checkMessages(count: Int, path: String) throws(GatewayError) {
        guard count > maxMessages else { return }
        throw .badRequest(
            "Too many messages: `\(path)` has \(count), the limit is \(maxMessages) (set with `switchyard serve --max-messages`)"
        )
    }

    /// 400 when the JSON text `bytes` nests arrays and objects deeper than allowed. A linear scan that skips
    /// strings, so a too-deep document is refused before any parser recurses into it.
    func checkJSONDepth(_ bytes: [UInt8]) throws(GatewayError) {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxJSONDepth {
                    throw .badRequest(
                        "Request JSON nested too deeply: the limit is \(maxJSONDepth) levels of arrays and objects (set with `switchyard serve --max-json-depth`)"
                    )
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: continue
            }
        }
    }
}
