/// Derives malformed inputs from valid ones: byte flips, truncation, splicing two inputs, deep nesting, huge
/// numbers, invalid UTF-8, duplicated and deleted ranges, and tokens of the input's own syntax. Each input
/// gets one to four stacked mutations.
struct InputMutator {
    /// Tokens of the format being fuzzed (TOML or JSON syntax), inserted at random places.
    let dictionary: [String]
    /// What opens one level of nesting in the format (`[` or `{` in JSON, `a=[` in TOML).
    let nestingOpeners: [String]

    static let toml = InputMutator(
        dictionary: [
            "[", "]", "[[", "]]", "=", "\"", "'", "\"\"\"", "'''", "#", "\n", ".", ",", "{", "}", "inf", "-inf", "nan", "true",
            "1979-05-27T07:32:00Z", "07:32:00", "0x", "0o7", "0b1", "1_000", "\\u0000", "\\U0010FFFF", "\\", "env::", "path::",
            "dynamic::", "none", "sdk", "routing = []", "type = \"chat\"", "weight = -1", "[functions.f.variants.v]", "[models.m.providers.p]",
        ],
        nestingOpeners: ["a = [", "a = {b = [", "[", "{x = "]
    )

    static let json = InputMutator(
        dictionary: [
            "{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-0", "1e400", "\\u0000", "\\ud800", "\\", "\"role\"",
            "\"content\"", "\"messages\"", "\"type\": \"text\"", "\"credentials\": {}", "\"stream\": true", "[{}]",
        ],
        nestingOpeners: ["[", "{\"a\":", "[{\"b\":"]
    )

    static let hugeNumbers = [
        "1e999999", "-1e999999", "99999999999999999999999999999999", "-9223372036854775809", "18446744073709551616",
        "1_000_000_000_000_000_000_000_000", "0x7FFFFFFFFFFFFFFFFFFF", "4.9e-400", "123456789012345678901234567890.5", "nan", "inf",
    ]

    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFE, 0xFE], [0x00]]

    /// A mutated copy of `input`; `corpus` supplies the other half of a splice.
    func mutate(_ input: [UInt8], corpus: [[UInt8]], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            bytes = mutateOnce(bytes, corpus: corpus, using: &random)
        }
        return bytes
    }

    private func mutateOnce(_ input: [UInt8], corpus: [[UInt8]], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            }
        case 1:
            bytes = Array(bytes.prefix(position))
        case 2:
            let other = corpus.randomElement(using: &random) ?? []
            let cut = other.isEmpty ? 0 : Int.random(in: 0...other.count, using: &random)
            bytes = Array(bytes.prefix(position)) + other.suffix(from: cut)
        case 3:
            let opener = nestingOpeners.randomElement(using: &random)!
            let depth = [10, 100, 1_000, 20_000].randomElement(using: &random)!
            bytes.insert(contentsOf: Array(String(repeating: opener, count: depth).utf8), at: position)
        case 4:
            bytes = replacingNumber(in: bytes, with: Self.hugeNumbers.randomElement(using: &random)!, near: position)
        case 5:
            bytes.insert(contentsOf: Self.invalidUTF8.randomElement(using: &random)!, at: position)
        case 6 where !bytes.isEmpty:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &random))
            bytes.insert(contentsOf: bytes[start..<end], at: position)
        case 7 where !bytes.isEmpty:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...32, using: &random)))
        case 8:
            bytes.insert(contentsOf: Array(dictionary.randomElement(using: &random)!.utf8), at: position)
        default:
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        }
        return bytes
    }

    /// `bytes` with the first run of digits at or after `position` (else the first anywhere) replaced by `number`.
    private func replacingNumber(in bytes: [UInt8], with number: String, near position: Int) -> [UInt8] {
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard let start = bytes[min(position, bytes.count)...].firstIndex(where: isDigit) ?? bytes.firstIndex(where: isDigit) else {
            return bytes + Array(number.utf8)
        }
        let end = bytes[start...].firstIndex { !isDigit($0) } ?? bytes.count
        return Array(bytes[..<start]) + Array(number.utf8) + Array(bytes[end...])
    }
}
