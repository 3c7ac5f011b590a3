import SwitchyardConfig

/// Lowers `extra_headers` / `extra_body` entries to plan settings, withholding values that may be credentials.
enum ExtraSettingLowering {
    static func lower(_ entries: [ExtraEntry]) -> [ExtraSetting] {
        entries.map { entry in
            guard let written = entry.value else { return ExtraSetting(target: entry.target, action: .delete) }
            let value = json(written)
            guard ExtraSetting.mayCarryCredential(entry.target) else { return ExtraSetting(target: entry.target, action: .set(value)) }
            return ExtraSetting(target: entry.target, action: .setWithheld(Secret(CanonicalJSONWriter.render(value))))
        }
    }

    /// A TOML value as JSON (tables keep their keys; date-times become their RFC 3339 text).
    static func json(_ value: TOMLValue) -> JSONValue {
        switch value.kind {
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .float(let number): .double(number)
        case .boolean(let flag): .bool(flag)
        case .dateTime(let dateTime): .string(dateTime.description)
        case .array(let items): .array(items.map(json))
        case .table(let table): .object(Dictionary(table.entries.map { ($0.key, json($0.value)) }) { first, _ in first })
        }
    }
}
