import Foundation

/// Reads a dotenv file (`KEY=value`, `export KEY=value`, `#` comments, single or double quotes).
public enum EnvironmentFile {
    /// The environment a gateway started with `--env-file path` sees: the process's variables, overridden by the
    /// file's (the process's alone without a file); the diagnostics say why the file cannot be used.
    public static func processEnvironment(overlaidWith path: String?) -> (environment: Environment, diagnostics: [Diagnostic]) {
        guard let path else { return (.process, []) }
        let (variables, diagnostics) = read(path)
        return (Environment.process.overlaid(with: variables), diagnostics)
    }

    /// The variables of `path`, with diagnostics for lines that are not assignments.
    public static func read(_ path: String) -> (environment: Environment, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (Environment(), [Diagnostic(.fileUnreadable, at: SourceLocation(file: path, line: 1, column: 1), "cannot read the environment file")])
        }
        return parse(text, file: path)
    }

    /// Parses dotenv text.
    public static func parse(_ text: String, file: String) -> (environment: Environment, diagnostics: [Diagnostic]) {
        var variables: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        for (index, rawLine) in lines.enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "="), isVariableName(line[..<equals]) else {
                let column = rawLine.distance(from: rawLine.startIndex, to: rawLine.firstIndex { !$0.isWhitespace } ?? rawLine.startIndex) + 1
                diagnostics.append(Diagnostic(
                    .envFileSyntax, at: SourceLocation(file: file, line: index + 1, column: column),
                    "expected `NAME=value` (the line is not shown: it may hold a secret)"
                ))
                continue
            }
            let name = String(line[..<equals])
            variables[name] = unquote(String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
        }
        return (Environment(variables), diagnostics)
    }

    private static func isVariableName(_ text: Substring) -> Bool {
        guard let first = text.first, first == "_" || first.isLetter else { return false }
        return text.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote else {
            if let comment = value.range(of: " #") { return String(value[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
            return value
        }
        let inner = String(value.dropFirst().dropLast())
        guard quote == "\"" else { return inner }
        return inner.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\"", with: "\"")
    }
}
