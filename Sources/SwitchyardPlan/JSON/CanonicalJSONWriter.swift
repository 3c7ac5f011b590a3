/// Writes canonical JSON as a stream of UTF-8 bytes: two-space indent, `"key": value`, one value per line
/// inside containers, `{}` / `[]` for empty ones.
///
/// Callers write object members in ascending key order themselves (most keys are fixed, so they are simply
/// written in that order; `Dictionary` values are sorted once). Bytes go into a fixed buffer that is handed
/// out whenever it fills up, so a large document never has to exist in memory whole. The writer owns that
/// buffer, which is why it cannot be copied.
public struct CanonicalJSONWriter: ~Copyable {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// Bytes in `storage` not handed out yet.
    private var count = 0
    /// Receives the buffer whenever it is full, and what is left at the end of the document. A chunk may
    /// end inside a multi-byte character.
    private let emit: (UnsafeBufferPointer<UInt8>) -> Void
    /// Nesting depth of the container being written.
    private var depth = 0
    /// Whether the container being written has no member or element yet.
    private var containerIsEmpty = true

    /// A writer that hands its output to `emit` in chunks of `chunkSize` bytes.
    public init(chunkSize: Int = 1 << 16, emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        storage = .allocate(capacity: max(chunkSize, 1))
        self.emit = emit
    }

    deinit {
        storage.deallocate()
    }

    /// `value` as a canonical document, ending with a newline.
    public static func render(_ value: some CanonicalJSONEncodable) -> String {
        var bytes: [UInt8] = []
        var writer = CanonicalJSONWriter { bytes.append(contentsOf: $0) }
        writer.document(value)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `value` as the whole document, then the final newline, and hands out what is left.
    public mutating func document(_ value: some CanonicalJSONEncodable) {
        value.encode(to: &self)
        append(UInt8(ascii: "\n"))
        flush()
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

    /// Starts an object member whose key is written in code (and so needs no escaping); the caller writes
    /// its value next.
    public mutating func key(_ key: StaticString) {
        assert(JSONEscaping.isPlain(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)), "`\(key)` needs escaping")
        startItem()
        append(UInt8(ascii: "\""))
        append(key)
        append("\": ")
    }

    /// Starts an object member whose key comes from the config (a model name, ...); the caller writes its
    /// value next.
    public mutating func key(named key: String) {
        startItem()
        string(key)
        append(": ")
    }

    /// Writes the member `key: value`.
    public mutating func member(_ key: StaticString, _ value: some CanonicalJSONEncodable) {
        self.key(key)
        value.encode(to: &self)
    }

    /// Writes the member `key: value`, or nothing when `value` is `nil`.
    public mutating func member(_ key: StaticString, _ value: (some CanonicalJSONEncodable)?) {
        guard let value else { return }
        member(key, value)
    }

    // MARK: Scalars

    /// Writes `null`.
    public mutating func null() {
        append("null")
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ flag: Bool) {
        append(flag ? "true" : "false")
    }

    /// Writes an integer in decimal.
    public mutating func int(_ number: Int64) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(UnsafeBufferPointer(rebasing: digits[start...]))
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
            text.withUTF8 { append($0) }
        }
    }

    /// Writes `text` quoted, escaping `"`, `\` and control characters.
    public mutating func string(_ text: String) {
        append(UInt8(ascii: "\""))
        // Native strings lend their bytes without a copy; anything else is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaping($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaping($0) }
        }
        append(UInt8(ascii: "\""))
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        append(bracket)
        depth += 1
        containerIsEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !containerIsEmpty { newline() }
        append(bracket)
        // The container just closed is an item of its parent, so the parent is not empty.
        containerIsEmpty = false
    }

    /// Separates the next member or element from the previous one and puts it on its own line.
    private mutating func startItem() {
        if !containerIsEmpty { append(UInt8(ascii: ",")) }
        containerIsEmpty = false
        newline()
    }

    private mutating func newline() {
        let indentation: StaticString = "\n                                                                "
        let width = 1 + 2 * depth
        guard width <= indentation.utf8CodeUnitCount else {
            append(UInt8(ascii: "\n"))
            for _ in 0..<2 * depth { append(UInt8(ascii: " ")) }
            return
        }
        append(UnsafeBufferPointer(start: indentation.utf8Start, count: width))
    }

    private mutating func appendEscaping(_ bytes: UnsafeBufferPointer<UInt8>) {
        if JSONEscaping.isPlain(bytes) {
            append(bytes)
        } else {
            bytes.forEach { appendEscaped($0) }
        }
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
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0xF)])
        default: append(byte)
        }
    }

    // MARK: Buffer

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if count == storage.count { flush() }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count <= storage.count - count else { return appendInChunks(bytes) }
        (storage.baseAddress! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends bytes that do not fit in what is left of the buffer, handing out each full buffer (or none).
    private mutating func appendInChunks(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > storage.count - count {
            let room = storage.count - count
            (storage.baseAddress! + count).update(from: source, count: room)
            count += room
            source += room
            remaining -= room
            flush()
        }
        (storage.baseAddress! + count).update(from: source, count: remaining)
        count += remaining
    }

    private mutating func flush() {
        emit(UnsafeBufferPointer(rebasing: storage[..<count]))
        count = 0
    }
}
