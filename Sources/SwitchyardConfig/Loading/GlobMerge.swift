/// Merges the tables of several globbed files the way TensorZero does: tables merge key by key; the same
/// leaf in two files, or a table in one file and a value in another, is an error.
enum GlobMerge {
    static func merge(_ source: TOMLTable, into target: inout TOMLTable, path: String, diagnostics: DiagnosticCollector) {
        for entry in source.entries {
            let entryPath = keyPath(path, entry.key)
            guard let existing = target[entry.key] else {
                target.set(entry.key, entry.value, keyLocation: entry.keyLocation)
                continue
            }
            switch (existing.kind, entry.value.kind) {
            case (.table, .table(let incoming)):
                target.modify(entry.key) { value in
                    guard case .table(var merged) = value.kind else { return }
                    merge(incoming, into: &merged, path: entryPath, diagnostics: diagnostics)
                    value.kind = .table(merged)
                }
            case (.table, _), (_, .table):
                diagnostics.report(
                    .globTypeClash, at: entry.value.location, path: entryPath,
                    "Cannot merge `\(entry.value.typeName)` from file `\(entry.value.location.file)` into a \(existing.typeName) from file `\(existing.location.file)`"
                )
            default:
                diagnostics.report(
                    .globDuplicateValue, at: entry.keyLocation, path: entryPath,
                    "Found duplicate values in globbed TOML config files `\(existing.location.file)` and `\(entry.value.location.file)`",
                    notes: ["first set at \(existing.location)"]
                )
            }
        }
    }
}
