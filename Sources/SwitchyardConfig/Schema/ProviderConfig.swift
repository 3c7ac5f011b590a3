/// One `[models.M.providers.P]` table.
public struct ProviderConfig: Sendable {
    /// The provider's name (its key under `providers`).
    public var name: Located<String>
    public var type: ProviderType
    /// Dotted path, `models.M.providers.P`.
    public var path: String
    /// Where the provider's table starts.
    public var location: SourceLocation
    /// Type-specific string fields as written (`model_name`, `api_base`, `deployment_id`, `endpoint`, `region`, ...).
    public var strings: FieldList<Located<String>>
    /// Type-specific boolean fields as written (`include_encrypted_reasoning`, `allow_auto_detect_region`, ...).
    public var flags: FieldList<Located<Bool>>
    /// `api_key_location` or `credential_location`, when written.
    public var credential: CredentialSpec?
    /// AWS credential fields (`api_key`, `access_key_id`, `secret_access_key`, `session_token`), when written.
    public var awsCredentials: FieldList<Located<CredentialLocation>>
    public var timeouts: TimeoutsConfig?
    /// `extra_headers` entries, in order.
    public var extraHeaders: [ExtraEntry]
    /// `extra_body` entries, in order.
    public var extraBody: [ExtraEntry]
    /// Where fields that are kept only as "written here" were written (`provider_tools`, `content_type_overrides`).
    public var otherFields: [String: SourceLocation] = [:]

    /// A string field's value, if written.
    public func string(_ field: String) -> String? { strings[field]?.value }
}

extension ProviderConfig {
    static let stringFields: Set<String> = [
        "model_name", "api_base", "api_type", "deployment_id", "endpoint", "model_id", "endpoint_id", "location",
        "project_id", "endpoint_name", "hosted_provider", "region", "endpoint_url", "reasoning_format", "prompt_mode",
    ]
    static let boolFields: Set<String> = [
        "include_encrypted_reasoning", "beta_structured_outputs", "allow_auto_detect_region", "parse_think_blocks",
    ]
    static let awsCredentialFields = ["api_key", "access_key_id", "secret_access_key", "session_token"]
    static let acceptedValues: [String: [String]] = [
        "api_type": ["chat_completions", "responses"],
        "hosted_provider": ["openai", "tgi"],
    ]

    /// Reads a provider table; returns `nil` when its `type` is missing or unknown (already reported).
    static func read(name: Located<String>, value: TOMLValue, modelPath: String, diagnostics: DiagnosticCollector) -> ProviderConfig? {
        let path = keyPath(modelPath, "providers", name.value)
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return nil }
        guard let typeName = reader.string("type", required: true) else { return nil }
        guard let layout = FieldLayout.named(typeName.value) else {
            let expected = ProviderType.tensorZeroListing.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            diagnostics.report(.invalidValue, at: typeName.location, path: path, "unknown variant `\(typeName.value)`, expected one of \(expected)")
            return nil
        }
        let type = layout.type
        var provider = ProviderConfig(
            name: name, type: type, path: path, location: value.location, strings: [:], flags: [:],
            credential: nil, awsCredentials: [:], timeouts: nil, extraHeaders: [], extraBody: []
        )
        for field in layout.required where !reader.contains(field) {
            reader.reportMissing(field)
        }
        for (field, kind) in layout.fields {
            switch kind {
            case .string(let accepted):
                guard let text = reader.string(field) else { continue }
                if let accepted, !accepted.contains(text.value) {
                    diagnostics.report(
                        .invalidValue, at: text.location, path: reader.path(of: field),
                        "unknown variant `\(text.value)`, \(TableReader.describeExpected(accepted))"
                    )
                }
                provider.strings[field] = text
            case .flag:
                provider.flags[field] = reader.bool(field)
            case .credential:
                provider.credential = reader.credentialSpec(field)
            case .awsCredential:
                provider.awsCredentials[field] = reader.locationString(field)
            case .other:
                if let value = reader.value(field) { provider.otherFields[field] = value.location }
            }
        }
        if type == .gcpVertexGemini, !reader.contains("model_id"), !reader.contains("endpoint_id") {
            diagnostics.report(.missingField, at: value.location, path: path, "exactly one of `model_id` or `endpoint_id` must be provided")
        }
        provider.timeouts = TimeoutsConfig.read("timeouts", from: &reader)
        _ = reader.bool("discard_unknown_chunks")
        provider.extraHeaders = ExtraEntries.readHeaders(from: &reader)
        provider.extraBody = ExtraEntries.readBody(from: &reader)
        reader.accept(["type", "cost", "batch_cost"])
        reader.rejectUnknownKeys(expected: layout.names)
        return provider
    }
}
