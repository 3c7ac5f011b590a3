import Foundation

/// A compiled `pattern` (ECMA-262 syntax, the subset `NSRegularExpression` shares), searched anywhere in a string.
struct SchemaPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once made and documented safe to share between threads.
    let source: String
    let expression: NSRegularExpression

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.expression = expression
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
