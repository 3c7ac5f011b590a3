/// Reads `tool_choice`: `"none"`, `"auto"`, `"required"` or `{ specific = "NAME" }`.
enum ToolChoiceConfig {
    /// The written choice, the specific form as `specific::NAME`; reports any other value.
    static func read(from reader: inout TableReader) -> Located<String>? {
        guard let value = reader.value("tool_choice") else { return nil }
        switch value.kind {
        case .string(let choice) where ["none", "auto", "required"].contains(choice):
            return Located(choice, at: value.location)
        case .table(let table):
            if case .string(let name)? = table["specific"]?.kind, table.entries.count == 1 {
                return Located("specific::\(name)", at: value.location)
            }
        default:
            break
        }
        reader.diagnostics.report(
            .invalidValue, at: value.location, path: "\(reader.path).tool_choice",
            "expected \"none\", \"auto\", \"required\" or { specific = \"TOOL\" }"
        )
        return nil
    }
}
