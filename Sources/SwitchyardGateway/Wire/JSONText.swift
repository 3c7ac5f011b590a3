import Foundation

/// JSON text from the plan (schemas) as a value to embed in a wire body, and values back as text.
enum JSONText {
    /// `text` parsed; an empty object when it is not JSON (plans only carry schemas that compiled).
    static func object(_ text: String) -> Any {
        (try? JSONReader.value(Array(text.utf8))) ?? [String: Any]()
    }

    /// `value` (a parsed JSON value) as compact JSON text; `{}` when absent.
    static func compact(_ value: Any?) -> String {
        (try? JSONBytes.encode(value ?? [String: Any]())).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
