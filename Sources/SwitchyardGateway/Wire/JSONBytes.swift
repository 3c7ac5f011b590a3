import Foundation

/// Writes JSON bodies built as `[String: Any]` / `[Any]` values straight to bytes: compact, `/` unescaped,
/// UTF-8 as it is. It reads Swift's own strings, numbers and booleans and the `NSNumber` / `NSNull` values
/// `JSONSerialization` parses, without bridging whole documents to Foundation objects as
/// `JSONSerialization.data(withJSONObject:)` does — that bridging was most of a proxied request's CPU time.
enum JSONBytes {
    /// Why a value could not be written.
    struct Unencodable: Error, CustomStringConvertible {
        var description: String
    }

    /// `value` as JSON text; object keys in name order when `sortedKeys`.
    static func encode(_ value: Any, sortedKeys: Bool = false) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        try write(value, to: &output, sortedKeys: sortedKeys)
        return output
    }

    /// Values of the exact types bodies are built and parsed with are recognised by their dynamic type first; a
    /// failed `as?` cast (a number tried as a dictionary, an array of dictionaries converted element by element)
    /// cost more than writing the value. Other dictionary, array and integer types go through the casts.
    private static func write(_ value: Any, to output: inout [UInt8], sortedKeys: Bool) throws {
        let type = type(of: value)
        if type == String.self {
            writeString(value as! String, to: &output)
        } else if type == [String: Any].self {
            try writeObject(value as! [String: Any], to: &output, sortedKeys: sortedKeys)
        } else if type == Int.self {
            output.append(contentsOf: String(value as! Int).utf8)
        } else if type == Bool.self {
            output.append(contentsOf: (value as! Bool ? "true" : "false").utf8)
        } else if type == Double.self {
            try writeDouble(value as! Double, to: &output)
        } else if type == NSNull.self {
            output.append(contentsOf: "null".utf8)
        } else if type is NSNumber.Type {
            try writeNumber(value as! NSNumber, to: &output)
        } else if type == [Any].self {
            try writeArray(value as! [Any], to: &output, sortedKeys: sortedKeys)
        } else if type == [[String: Any]].self {
            try writeArray(value as! [[String: Any]], to: &output, sortedKeys: sortedKeys)
        } else if let object = value as? [String: Any] {
            try writeObject(object, to: &output, sortedKeys: sortedKeys)
        } else if let array = value as? [Any] {
            try writeArray(array, to: &output, sortedKeys: sortedKeys)
        } else if let integer = value as? any BinaryInteger {
            output.append(contentsOf: String(integer).utf8)
        } else {
            throw Unencodable(description: "a value of type \(type) cannot be written as JSON")
        }
    }

    private static func writeObject(_ object: [String: Any], to output: inout [UInt8], sortedKeys: Bool) throws {
        output.append(UInt8(ascii: "{"))
        var first = true
        let members = sortedKeys ? object.sorted { $0.key < $1.key } : Array(object)
        for (key, member) in members {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            writeString(key, to: &output)
            output.append(UInt8(ascii: ":"))
            try write(member, to: &output, sortedKeys: sortedKeys)
        }
        output.append(UInt8(ascii: "}"))
    }

    private static func writeArray<Element>(_ array: [Element], to output: inout [UInt8], sortedKeys: Bool) throws {
        output.append(UInt8(ascii: "["))
        for (index, item) in array.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            try write(item, to: &output, sortedKeys: sortedKeys)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// A number parsed by `JSONSerialization`: a boolean, an integer or a floating-point value.
    private static func writeNumber(_ number: NSNumber, to output: inout [UInt8]) throws {
        switch UInt8(bitPattern: number.objCType.pointee) {
        case UInt8(ascii: "c"), UInt8(ascii: "B"): output.append(contentsOf: (number.boolValue ? "true" : "false").utf8)
        case UInt8(ascii: "d"), UInt8(ascii: "f"): try writeDouble(number.doubleValue, to: &output)
        case UInt8(ascii: "Q"): output.append(contentsOf: String(number.uint64Value).utf8)
        default: output.append(contentsOf: String(number.int64Value).utf8)
        }
    }

    private static func writeDouble(_ number: Double, to output: inout [UInt8]) throws {
        guard number.isFinite else { throw Unencodable(description: "\(number) is not a JSON number") }
        if number == number.rounded(.towardZero), abs(number) < 1e15 {
            output.append(contentsOf: String(Int64(number)).utf8)
        } else {
            output.append(contentsOf: String(number).utf8)
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
