/// Writes canonical JSON as a stream of UTF-8 bytes: two-space indent, `"key": value`, one value per line
/// inside containers, `{}` / `[]` for empty ones.
///
/// Callers write object members in ascending key order themselves (most keys are fixed, so they are simply
/// written in that order; `Dictionary` values are sorted once). Output is handed out in chunks, so a large
/// document never has to exist twice in memory.
public struct CanonicalJSONWriter {
    /// Bytes written since the last hand-off.
    private var buffer: [UInt8] = []
    /// Receives the buffer whenever it grows past `chunkSize`, and once more from `finish()`.
    private let emit: (UnsafeBufferPointer<UInt8>) -> Void
    private let chunkSize: Int
    /// Nesting depth of the container being written.
    private var depth = 0
    /// Whether the container being written has no member or element yet.
    private var containerIsEmpty = true

    /// A writer that hands its output to `emit` in chunks of about `chunkSize` bytes.
    public init(chunkSize: Int = 1 << 16, emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.chunkSize = chunkSize
        self.emit = emit
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// `value` as a canonical document, ending with a newline.
    public static func render(_ value: some CanonicalJSONEncodable) -> String {
        var text = ""
        var writer = CanonicalJSONWriter { chunk in text += String(decoding: chunk, as: UTF8.self) }
        writer.document(value)
        return text
    }

    /// Writes `value` as the whole document, then the final newline, and hands out what is left.
    public mutating func document(_ value: some CanonicalJSONEncodable) {
        value.encode(to: &self)
        buffer.append(UInt8(ascii: "\n"))
        buffer.withUnsafeBufferPointer(emit)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    /// Writes an object; `body` writes its members with `member` or `key`, in ascending key order.
    public mutating func object(_ body: (inout CanonicalJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes an array with one element per item of `items`, each written by `body`.
    public mutating func array<Items: Sequence>(_ items: Items, _ body: (inout CanonicalJSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            startItem()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member; the caller writes its value next.
    public mutating func key(_ key: String) {
        startItem()
        string(key)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: " "))
    }

    /// Writes the member `key: value`.
    public mutating func member(_ key: String, _ value: some CanonicalJSONEncodable) {
        self.key(key)
        value.encode(to: &self)
    }

    /// Writes the member `key: value`, or nothing when `value` is `nil`.
    public mutating func member(_ key: String, _ value: (some CanonicalJSONEncodable)?) {
        guard let value else { return }
        member(key, value)
    }

    // MARK: Scalars

    public mutating func null() {
        append("null")
    }

    public mutating func bool(_ flag: Bool) {
        append(flag ? "true" : "false")
    }

    public mutating func int(_ number: Int64) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Integral values print with `.0` (`2.0`), others in the shortest form that reads back the same; not
    /// finite values print as `null`.
    public mutating func double(_ number: Double) {
        guard number.isFinite else { return null() }
        if number == number.rounded(), abs(number) < 1e15 {
            int(Int64(number))
            append(".0")
        } else {
            var text = number.description
            text.withUTF8 { buffer.append(contentsOf: $0) }
        }
    }

    /// Writes `text` quoted, escaping `"`, `\` and control characters.
    public mutating func string(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                buffer.append(contentsOf: bytes)
            } else {
                bytes.forEach { appendEscaped($0) }
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        buffer.append(bracket)
        depth += 1
        containerIsEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !containerIsEmpty { newline() }
        buffer.append(bracket)
        // The container just closed is an item of its parent, so the parent is not empty.
        containerIsEmpty = false
        if buffer.count >= chunkSize {
            buffer.withUnsafeBufferPointer(emit)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Separates the next member or element from the previous one and puts it on its own line.
    private mutating func startItem() {
        if !containerIsEmpty { buffer.append(UInt8(ascii: ",")) }
        containerIsEmpty = false
        newline()
    }

    private mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<depth {
            buffer.append(UInt8(ascii: " "))
            buffer.append(UInt8(ascii: " "))
        }
    }

    private mutating func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            buffer.append(hex.utf8Start[Int(byte >> 4)])
            buffer.append(hex.utf8Start[Int(byte & 0xF)])
        default: buffer.append(byte)
        }
    }
}
