import Foundation

/// Reads JSON bytes into the values `JSONSerialization` produces (`[String: Any]`, `[Any]`, `String`,
/// `NSNumber`, `NSNull`), in one pass over the bytes, without the intermediate document and `Data` copy
/// `JSONSerialization` makes: that parse was the largest share of the gateway's own CPU time per request.
///
/// The fast reader takes only what it can read exactly as `JSONSerialization` does: plain UTF-8 documents,
/// integers of up to 18 digits and decimals of up to 17 characters, no duplicate keys. Anything else (invalid
/// JSON included) goes to `JSONSerialization` itself, so values and error messages are the same as before.
enum JSONReader {
    /// The value of `bytes` (a fragment too), or `JSONSerialization`'s error.
    static func value(_ bytes: [UInt8]) throws -> Any {
        if let value = fastValue(bytes) { return value }
        return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The value of `bytes` when the fast reader can read it; `nil` for everything it leaves to
    /// `JSONSerialization` (invalid documents among them).
    static func fastValue(_ bytes: [UInt8]) -> Any? {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = Cursor(bytes: buffer)
            guard let value = cursor.readValue(depth: 0) else { return nil }
            cursor.skipWhitespace()
            return cursor.position == buffer.count ? value : nil
        }
    }

    /// Deeper documents go to `JSONSerialization`, which refuses them (its own limit).
    static let maximumDepth = 512

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func readValue(depth: Int) -> Any? {
            skipWhitespace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return depth < JSONReader.maximumDepth ? readObject(depth: depth + 1) : nil
            case UInt8(ascii: "["): return depth < JSONReader.maximumDepth ? readArray(depth: depth + 1) : nil
            case UInt8(ascii: "\""): return readString()
            case UInt8(ascii: "t"): return readLiteral("true", NSNumber(value: true))
            case UInt8(ascii: "f"): return readLiteral("false", NSNumber(value: false))
            case UInt8(ascii: "n"): return readLiteral("null", NSNull())
            default: return readNumber()
            }
        }

        private mutating func readObject(depth: Int) -> Any? {
            position += 1
            var object: [String: Any] = [:]
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return object
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = readString() else { return nil }
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                guard let member = readValue(depth: depth), object.updateValue(member, forKey: key) == nil else { return nil }
                skipWhitespace()
                guard position < bytes.count else { return nil }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"):
                    position += 1
                    return object
                default: return nil
                }
            }
        }

        private mutating func readArray(depth: Int) -> Any? {
            position += 1
            var array: [Any] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return array
            }
            while true {
                guard let item = readValue(depth: depth) else { return nil }
                array.append(item)
                skipWhitespace()
                guard position < bytes.count else { return nil }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"):
                    position += 1
                    return array
                default: return nil
                }
            }
        }

        private mutating func readLiteral(_ literal: StaticString, _ value: Any) -> Any? {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return nil }
            for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return nil }
            position += count
            return value
        }

        /// A string starting at the opening quote: valid UTF-8, no raw control characters, escapes decoded
        /// (a `\u` surrogate only as part of a pair).
        private mutating func readString() -> String? {
            position += 1
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return readEscapedString(from: start) }
                if byte < 0x20 { return nil }
                position += 1
            }
            return nil
        }

        private mutating func readEscapedString(from start: Int) -> String? {
            var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(validating: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = readUnicodeEscape() else { return nil }
                        utf8.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    guard byte >= 0x20 else { return nil }
                    utf8.append(byte)
                    position += 1
                }
            }
            return nil
        }

        /// The scalar of a `\u` escape whose `u` was just read; a high surrogate must be followed by a low one.
        private mutating func readUnicodeEscape() -> Unicode.Scalar? {
            guard let unit = readHex4() else { return nil }
            switch unit {
            case 0xD800..<0xDC00:
                guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else { return nil }
                position += 2
                guard let low = readHex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            case 0xDC00..<0xE000:
                return nil
            default:
                return Unicode.Scalar(unit)
            }
        }

        private mutating func readHex4() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        /// A number in RFC 8259's grammar: an integer of at most 18 digits becomes `JSONSerialization`'s
        /// `Int64` (negative) or `UInt64` `NSNumber`; a decimal with a fraction or a lower-case exponent, whose
        /// part before the exponent is at most 17 characters, its `Double`. Others are left to
        /// `JSONSerialization` (its `Decimal` and upper-case exponent rules).
        private mutating func readNumber() -> Any? {
            let start = position
            let negative = bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            let integerStart = position
            guard skipDigits() else { return nil }
            if position - integerStart > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
            var isInteger = true
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard skipDigits() else { return nil }
                isInteger = false
            }
            let mantissaLength = position - start
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard skipDigits() else { return nil }
                isInteger = false
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "E") { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if isInteger {
                guard position - integerStart <= 18 else { return nil }
                if negative { return Int64(text).map { NSNumber(value: $0) } }
                return UInt64(text).map { NSNumber(value: $0) }
            }
            guard mantissaLength <= 17, let double = Double(text), double.isFinite else { return nil }
            return NSNumber(value: double)
        }

        /// Skips one or more digits; false when there is none.
        private mutating func skipDigits() -> Bool {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position > start
        }
    }
}
