/// One `extra_headers` or `extra_body` entry as written: the header name or JSON pointer it targets, and the
/// value to set there (`nil` for `delete = true`).
public struct ExtraEntry: Sendable {
    /// The header name (`extra_headers`) or JSON pointer (`extra_body`).
    public var target: String
    /// The value to set; `nil` when the entry deletes its target. Header values are strings.
    public var value: TOMLValue?
    /// Where the entry was written.
    public var location: SourceLocation
}

/// Reads `extra_headers` / `extra_body`: arrays of tables, each naming a header or JSON pointer and either a
/// `value` or `delete = true`.
enum ExtraEntries {
    /// Reads `extra_headers`: `value` must be a string.
    static func readHeaders(from reader: inout TableReader) -> [ExtraEntry] {
        read("extra_headers", keyField: "name", stringValues: true, from: &reader)
    }

    /// Reads `extra_body`: `value` may be any value.
    static func readBody(from reader: inout TableReader) -> [ExtraEntry] {
        read("extra_body", keyField: "pointer", stringValues: false, from: &reader)
    }

    private static func read(_ key: String, keyField: String, stringValues: Bool, from reader: inout TableReader) -> [ExtraEntry] {
        guard let value = reader.value(key) else { return [] }
        guard case .array(let items) = value.kind else {
            reader.reportType(key, value, expected: "a sequence")
            return []
        }
        var entries: [ExtraEntry] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(reader.path(of: key))[\(index)]"
            guard var entry = TableReader(item, path: itemPath, diagnostics: reader.diagnostics) else { continue }
            let target = entry.string(keyField, required: true)
            let written = stringValues ? entry.string("value").map { TOMLValue(.string($0.value), at: $0.location) } : entry.value("value")
            let hasValue = entry.contains("value")
            let deletes = entry.bool("delete")?.value ?? false
            if hasValue == deletes {
                reader.diagnostics.report(
                    .invalidValue, at: item.location, path: itemPath,
                    "each entry needs exactly one of `value` or `delete = true`"
                )
            }
            entry.accept(["model_name", "model_provider_name", "variant_name"])
            entry.rejectUnknownKeys(expected: [keyField, "value", "delete"])
            if let target, hasValue != deletes, !hasValue || written != nil {
                entries.append(ExtraEntry(target: target.value, value: written, location: item.location))
            }
        }
        return entries
    }
}
