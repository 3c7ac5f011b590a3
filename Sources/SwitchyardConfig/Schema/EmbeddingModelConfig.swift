/// One `[embedding_models.E]` table; only its name matters to routing (DICL variants reference it).
public struct EmbeddingModelConfig: Sendable {
    public var name: Located<String>

    static let fields = ["routing", "providers", "timeout_ms"]

    static func read(name: Located<String>, value: TOMLValue, diagnostics: DiagnosticCollector) -> EmbeddingModelConfig? {
        guard var reader = TableReader(value, path: keyPath("embedding_models", name.value), diagnostics: diagnostics) else { return nil }
        _ = reader.stringArray("routing", required: true)
        _ = reader.table("providers", required: true)
        _ = reader.unsigned("timeout_ms")
        reader.rejectUnknownKeys(expected: fields)
        return EmbeddingModelConfig(name: name)
    }
}
