import Foundation

/// Small helpers over JSON values (as `JSONSerialization` parses them, which `JSONReader` reproduces) for the wire adapters.
enum JSONValue {
    /// Serializes `object` (dictionaries, arrays, strings, numbers, `NSNull`).
    static func encode(_ object: Any) throws -> [UInt8] {
        try JSONBytes.encode(object)
    }

    /// Parses `bytes` as a JSON object, or `nil` when it is not one.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONReader.value(bytes)) as? [String: Any]
    }

    /// An integer field, whatever numeric type JSONSerialization produced.
    static func int(_ value: Any?) -> Int? {
        (value as? NSNumber)?.intValue
    }
}
