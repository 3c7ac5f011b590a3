import Foundation

/// JSON reading and writing shared by the stream decoders.
enum StreamEventJSON {
    /// The event's data as a JSON object, or why it is not one.
    static func object(_ data: String) -> Result<[String: Any], StreamEventJSONError> {
        let value: Any
        do {
            value = try JSONReader.value(Array(data.utf8))
        } catch {
            return .failure(StreamEventJSONError(description: "invalid JSON: \(String(data.prefix(200)))"))
        }
        guard let object = value as? [String: Any] else {
            return .failure(StreamEventJSONError(description: "expected a JSON object: \(String(data.prefix(200)))"))
        }
        return .success(object)
    }

    /// `value` as compact JSON text with sorted keys (error bodies quoted in messages).
    static func text(_ value: Any) -> String {
        guard value is [String: Any] || value is [Any], let data = try? JSONBytes.encode(value, sortedKeys: true) else {
            return "\(value)"
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Why a stream event's data is not a JSON object.
struct StreamEventJSONError: Error {
    var description: String
}
