import Foundation

/// JSON text from the plan (schemas) as a value to embed in a wire body.
enum JSONText {
    /// `text` parsed; an empty object when it is not JSON (plans only carry schemas that compiled).
    static func object(_ text: String) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) ?? [String: Any]()
    }
}
