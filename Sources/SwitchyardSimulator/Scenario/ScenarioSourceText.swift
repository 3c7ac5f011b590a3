import SwitchyardConfig

/// The scenario file's text by line, to point diagnostics inside a string value (a bad step of a `respond`
/// script) rather than at its opening quote.
struct ScenarioSourceText {
    private let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }

    /// Where the character at `offset` (in Unicode scalars) of the string value written at `location` is.
    ///
    /// Exact for one-line basic strings without escapes and for literal strings, where decoded and written
    /// characters match one to one; otherwise `location` itself (the string's opening quote).
    func location(ofOffset offset: Int, inStringAt location: SourceLocation) -> SourceLocation {
        guard location.line >= 1, location.line <= lines.count else { return location }
        let line = lines[location.line - 1]
        let quoteIndex = location.column - 1
        guard quoteIndex >= 0, quoteIndex < line.count else { return location }
        let quote = line[quoteIndex]
        guard quote == "\"" || quote == "'" else { return location }
        if quoteIndex + 2 < line.count, line[quoteIndex + 1] == quote, line[quoteIndex + 2] == quote { return location }
        var index = quoteIndex + 1
        while index < line.count, line[index] != quote {
            if quote == "\"", line[index] == "\\" { return location }
            index += 1
        }
        guard index < line.count, offset >= 0, offset <= index - quoteIndex - 1 else { return location }
        var inside = location
        inside.column += 1 + offset
        return inside
    }
}
