import SwitchyardConfig

/// The scenario file's text by line, to point diagnostics inside a string value (a bad step of a `respond`
/// script) rather than at its opening quote.
struct ScenarioSourceText {
    private let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }

    /// Maps an offset (in Unicode scalars) into the string value written at `location` to where that character
    /// is. The string's written extent is found once, so mapping every bad step of a long script stays linear.
    ///
    /// Exact for one-line basic strings without escapes and for literal strings, where decoded and written
    /// characters match one to one; otherwise every offset maps to `location` itself (the string's opening quote).
    func offsetLocator(forStringAt location: SourceLocation) -> (Int) -> SourceLocation {
        guard let length = writtenLength(ofStringAt: location) else { return { _ in location } }
        return { offset in
            guard offset >= 0, offset <= length else { return location }
            var inside = location
            inside.column += 1 + offset
            return inside
        }
    }

    /// How many characters lie between the quotes of the one-line string at `location`, when they map one to
    /// one onto its value.
    private func writtenLength(ofStringAt location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        let quoteIndex = location.column - 1
        guard quoteIndex >= 0, quoteIndex < line.count else { return nil }
        let quote = line[quoteIndex]
        guard quote == "\"" || quote == "'" else { return nil }
        if quoteIndex + 2 < line.count, line[quoteIndex + 1] == quote, line[quoteIndex + 2] == quote { return nil }
        var index = quoteIndex + 1
        while index < line.count, line[index] != quote {
            if quote == "\"", line[index] == "\\" { return nil }
            index += 1
        }
        guard index < line.count else { return nil }
        return index - quoteIndex - 1
    }
}
