import SwitchyardPlan

/// The text of every outermost object member named `key` in a JSON document (a match inside a match is part of
/// it), in document order and compact, with its members in the order the upstream wrote them (TensorZero keeps that order in `raw_arguments`; a parsed
/// dictionary would not).
struct RawJSONMembers {
    private let bytes: [UInt8]
    private let key: [UInt8]
    private var found: [String] = []

    /// The members named `key` in `bytes`; empty when `bytes` is not well-formed JSON.
    static func values(named key: String, in bytes: [UInt8]) -> [String] {
        var scanner = RawJSONMembers(bytes: bytes, key: Array(key.utf8))
        guard scanner.skipValue(from: scanner.skipSpace(from: 0)) != nil else { return [] }
        return scanner.found
    }

    private init(bytes: [UInt8], key: [UInt8]) {
        self.bytes = bytes
        self.key = key
    }

    /// The index after the value starting at `start`, or `nil` when it is malformed.
    private mutating func skipValue(from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "{"): return skipContainer(from: start, close: UInt8(ascii: "}"), isObject: true)
        case UInt8(ascii: "["): return skipContainer(from: start, close: UInt8(ascii: "]"), isObject: false)
        case UInt8(ascii: "\""): return skipString(from: start)
        default:
            var index = start
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) {
                index += 1
            }
            return index > start ? index : nil
        }
    }

    private mutating func skipContainer(from start: Int, close: UInt8, isObject: Bool) -> Int? {
        var index = skipSpace(from: start + 1)
        if index < bytes.count, bytes[index] == close { return index + 1 }
        while index < bytes.count {
            var matches = false
            if isObject {
                guard bytes[index] == UInt8(ascii: "\""), let keyEnd = skipString(from: index) else { return nil }
                matches = Array(bytes[(index + 1)..<(keyEnd - 1)]) == key
                index = skipSpace(from: keyEnd)
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index = skipSpace(from: index + 1)
            }
            let before = found.count
            guard let end = skipValue(from: index) else { return nil }
            if matches {
                found.removeSubrange(before...)
                found.append(CompactJSONText.compact(Array(bytes[index..<end])))
            }
            index = skipSpace(from: end)
            guard index < bytes.count else { return nil }
            if bytes[index] == close { return index + 1 }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(from: index + 1)
        }
        return nil
    }

    private func skipString(from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    private func skipSpace(from start: Int) -> Int {
        var index = start
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        return index
    }
}
