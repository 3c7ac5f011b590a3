/// A template that cannot be loaded: malformed syntax, or a MiniJinja construct this renderer does not
/// implement (`isUnsupported`). `line` and `column` are 1-based positions in the template file.
public struct TemplateSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var line: Int
    public var column: Int
    /// Whether the template is valid MiniJinja that uses a construct Switchyard cannot render.
    public var isUnsupported: Bool

    init(_ message: String, at position: TemplatePosition, unsupported: Bool = false) {
        self.message = message
        line = position.line
        column = position.column
        isUnsupported = unsupported
    }
}

/// A template that failed while rendering one request's arguments. `message` is MiniJinja's wording
/// (`undefined value`), `line` the template line that failed.
public struct TemplateRenderError: Error, Sendable, Hashable {
    public var message: String
    public var line: Int

    init(_ message: String, line: Int) {
        self.message = message
        self.line = line
    }
}

/// A 1-based line and column in a template.
struct TemplatePosition: Sendable, Hashable {
    var line: Int
    var column: Int
}
