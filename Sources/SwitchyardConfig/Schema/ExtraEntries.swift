/// Reads `extra_headers` / `extra_body`: arrays of tables, each naming a header or JSON pointer and either a
/// `value` or `delete = true`. Only the names are kept: header values can be secrets.
enum ExtraEntries {
    static func read(_ key: String, keyField: String, from reader: inout TableReader) -> [String] {
        guard let value = reader.value(key) else { return [] }
        guard case .array(let items) = value.kind else {
            reader.reportType(key, value, expected: "a sequence")
            return []
        }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(reader.path(of: key))[\(index)]"
            guard var entry = TableReader(item, path: itemPath, diagnostics: reader.diagnostics) else { continue }
            if let name = entry.string(keyField, required: true) { names.append(name.value) }
            let hasValue = entry.value("value") != nil
            let deletes = entry.bool("delete")?.value ?? false
            if hasValue == deletes {
                reader.diagnostics.report(
                    .invalidValue, at: item.location, path: itemPath,
                    "each entry needs exactly one of `value` or `delete = true`"
                )
            }
            entry.accept(["model_name", "model_provider_name", "variant_name"])
            entry.rejectUnknownKeys(expected: [keyField, "value", "delete"])
        }
        return names
    }
}
