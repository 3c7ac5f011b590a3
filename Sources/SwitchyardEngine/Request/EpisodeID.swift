import Foundation

/// An episode's 16-byte UUID, kept as two big-endian halves so the per-episode draw can hash it cheaply.
public struct EpisodeID: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ uuid: UUID) {
        let bytes = uuid.uuid
        high = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7].reduce(0) { $0 << 8 | UInt64($1) }
        low = [bytes.8, bytes.9, bytes.10, bytes.11, bytes.12, bytes.13, bytes.14, bytes.15].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Parses the canonical `xxxxxxxx-xxxx-...` form.
    public init?(string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.init(uuid)
    }

    /// A version-7 UUID for `milliseconds` since the Unix epoch with `random` filling the random bits, as
    /// TensorZero generates when a request names no episode.
    public static func version7(milliseconds: UInt64, random: UInt64, random2: UInt64) -> EpisodeID {
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (random & 0x0FFF)
        let low = (random2 & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return EpisodeID(high: high, low: low)
    }

    /// The UUID's version nibble.
    public var version: Int { Int((high >> 12) & 0xF) }

    /// The 16 bytes, big-endian.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// The canonical lowercase form, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (written digit by digit: every
    /// response carries one).
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { text in
            var position = 0
            for (index, half) in [high, low].enumerated() {
                for nibble in 0..<16 {
                    let digit = 16 * index + nibble
                    if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digits[Int((half >> UInt64(60 - 4 * nibble)) & 0xF)]
                    position += 1
                }
            }
            return position
        }
    }
}
