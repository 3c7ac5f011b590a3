import Foundation

/// Compares JSON values structurally: both sides written with sorted keys.
enum JSONComparison {
    /// `value` (as `JSONSerialization` parsed it) as sorted-key JSON text.
    static func canonical(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else {
            return "<absent>"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON text re-written with sorted keys.
    static func canonical(json text: String) -> String {
        canonical(try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
    }
}
