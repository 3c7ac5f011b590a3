/// Reuses `String`s for byte sequences a document repeats.
///
/// Configuration files repeat the same keys (`type`, `model_name`, ...) and many values thousands of
/// times. Handing out one shared `String` per distinct spelling saves creating (and, past 15 bytes,
/// allocating) a new one each time. The cache is a fixed-size table indexed by a hash of the bytes; each
/// slot remembers where in the document its string was read, so a lookup compares document bytes with
/// document bytes. A collision simply replaces the slot, so memory stays bounded.
struct TOMLStringCache {
    private static let slotBits = 10
    /// Longer byte sequences are rarely repeated, so they bypass the cache.
    private static let maximumLength = 64
    private var strings = [String](repeating: "", count: 1 << slotBits)
    /// For each slot, the document bytes its string was made from.
    private var sources = [Range<Int>](repeating: 0..<0, count: 1 << slotBits)

    /// A string made from `document[range]` (valid UTF-8), shared with earlier calls for the same bytes.
    mutating func string(_ range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) -> String {
        let count = range.count
        guard count > 0 else { return "" }
        let start = document.baseAddress! + range.lowerBound
        guard count <= Self.maximumLength else {
            return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }
        let slot = Self.slot(hashing: start, count: count)
        let source = sources[slot]
        if source.count == count, Self.bytesEqual(document.baseAddress! + source.lowerBound, start, count: count) {
            return strings[slot]
        }
        let string = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        strings[slot] = string
        sources[slot] = range
        return string
    }

    /// A slot index from the length and the first and last eight bytes (all bytes when shorter).
    private static func slot(hashing start: UnsafePointer<UInt8>, count: Int) -> Int {
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        if count >= 8 {
            hash ^= UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)
            hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= UnsafeRawPointer(start + count - 8).loadUnaligned(as: UInt64.self)
        } else {
            for index in 0..<count {
                hash = (hash ^ UInt64(start[index])) &* 0x100_0000_01B3
            }
        }
        hash = (hash ^ (hash >> 31)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: hash >> UInt64(64 - slotBits))
    }

    private static func bytesEqual(_ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index + 8 <= count {
            let firstWord = UnsafeRawPointer(first + index).loadUnaligned(as: UInt64.self)
            if firstWord != UnsafeRawPointer(second + index).loadUnaligned(as: UInt64.self) { return false }
            index += 8
        }
        while index < count {
            if first[index] != second[index] { return false }
            index += 1
        }
        return true
    }
}
