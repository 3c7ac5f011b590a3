extension TableReader {
    /// Reads `api_key_location` / `credential_location`: a location string or `{ default, fallback }`.
    public mutating func credentialSpec(_ key: String) -> CredentialSpec? {
        guard let value = value(key) else { return nil }
        switch value.kind {
        case .string(let text):
            return parseLocation(text, at: value.location, path: path(of: key)).map { .single($0) }
        case .table:
            guard var object = table(key) else { return nil }
            let primary = object.locationString("default", required: true)
            let fallback = object.locationString("fallback", required: true)
            object.rejectUnknownKeys(expected: ["default", "fallback"])
            guard let primary, let fallback else { return nil }
            return .withFallback(default: primary, fallback: fallback)
        default:
            reportType(key, value, expected: "a string or an object with 'default' and 'fallback' fields")
            return nil
        }
    }

    /// Reads a single location string (AWS credential fields, the two sides of a fallback object).
    public mutating func locationString(_ key: String, required: Bool = false) -> Located<CredentialLocation>? {
        guard let text = string(key, required: required) else { return nil }
        return parseLocation(text.value, at: text.location, path: path(of: key))
    }

    /// `path` is only built when `text` is not a location.
    private func parseLocation(_ text: String, at location: SourceLocation, path: @autoclosure () -> String) -> Located<CredentialLocation>? {
        guard let parsed = CredentialLocation(parsing: text) else {
            diagnostics.report(.invalidCredentialLocation, at: location, path: path(), CredentialLocation.formatError(text))
            return nil
        }
        return Located(parsed, at: location)
    }
}
