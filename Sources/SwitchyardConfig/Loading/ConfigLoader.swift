/// Reads a config path or glob into one typed configuration, collecting every diagnostic on the way.
public enum ConfigLoader {
    /// The result of loading: what could be decoded, and every problem found.
    public struct Result: Sendable {
        public var config: TensorZeroConfig
        public var diagnostics: [Diagnostic]
    }

    /// Loads `pattern` (a file path or a glob). Files are read, parsed, merged and decoded; a syntax error
    /// in one file is reported and that file is left out, so the others are still checked.
    public static func load(_ pattern: String) -> Result {
        let diagnostics = DiagnosticCollector()
        let firstSegmentIsWild = !pattern.hasPrefix("/") && pattern.prefix { $0 != "/" }.contains { "*?[".contains($0) }
        let files = firstSegmentIsWild ? [] : ConfigFileSet.expand(pattern)
        if files.isEmpty {
            diagnostics.report(
                .noFilesMatched, at: nil,
                "No files matched the glob pattern `\(pattern)`. Ensure that the path exists, and contains at least one file.",
                notes: firstSegmentIsWild
                    ? ["TensorZero matches nothing when a relative glob starts with a wildcard; write `./\(pattern)` instead."] : []
            )
        }
        var merged = TOMLTable()
        for file in files {
            guard let bytes = readUTF8(file, diagnostics: diagnostics) else { continue }
            do {
                let table = try TOMLParser.parse(bytes: bytes, file: file)
                GlobMerge.merge(table, into: &merged, path: "", diagnostics: diagnostics)
            } catch {
                diagnostics.report(.tomlSyntax, at: error.location, "Failed to parse config file as valid TOML: \(error.message)")
            }
        }
        if !files.isEmpty, merged.isEmpty, !diagnostics.hasErrors {
            diagnostics.report(
                .emptyConfig, at: SourceLocation(file: files[0], line: 1, column: 1),
                "Config file is empty, so only default functions will be available."
            )
        }
        let config = TensorZeroConfig.decode(consume merged, files: files, diagnostics: diagnostics)
        return Result(config: config, diagnostics: diagnostics.diagnostics)
    }

    /// Parses TOML text that is not on disk (tests, `--config -`).
    public static func load(text: String, file: String) -> Result {
        let diagnostics = DiagnosticCollector()
        var root = TOMLTable()
        do {
            root = try TOMLParser.parse(text, file: file)
        } catch {
            diagnostics.report(.tomlSyntax, at: error.location, "Failed to parse config file as valid TOML: \(error.message)")
        }
        let config = TensorZeroConfig.decode(consume root, files: [file], diagnostics: diagnostics)
        return Result(config: config, diagnostics: diagnostics.diagnostics)
    }

    /// The file's bytes, which are valid UTF-8 (the parser checks them again, cheaply, but reports a
    /// position where TensorZero reports the whole file).
    private static func readUTF8(_ file: String, diagnostics: DiagnosticCollector) -> [UInt8]? {
        guard let bytes = FileBytes.read(file) else {
            diagnostics.report(.fileUnreadable, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file")
            return nil
        }
        guard bytes.withUnsafeBufferPointer({ TOMLUTF8Validation.firstInvalidOffset(in: $0) }) == nil else {
            diagnostics.report(.tomlSyntax, at: SourceLocation(file: file, line: 1, column: 1), "Failed to parse config file as valid TOML: the file is not valid UTF-8")
            return nil
        }
        return bytes
    }
}
