/// A whole TensorZero configuration, typed, with every value's source position kept.
public struct TensorZeroConfig: Sendable {
    /// The files that were merged, in load order.
    public var files: [String]
    public var gateway: GatewayConfig
    public var models: [ModelConfig]
    public var embeddingModels: [EmbeddingModelConfig]
    public var functions: [FunctionConfig]
    public var tools: [ToolConfig]
    public var metrics: [MetricConfig]
    public var providerTypeDefaults: [ProviderType: ProviderTypeDefaults]

    /// The root keys TensorZero 2026.6.0 accepts, in its order.
    static let rootFields = [
        "gateway", "clickhouse", "postgres", "rate_limiting", "object_storage", "models", "embedding_models",
        "functions", "metrics", "tools", "evaluations", "provider_types", "optimizers", "autopilot",
    ]

    /// The model named `name`, if configured.
    public func model(named name: String) -> ModelConfig? {
        models.first { $0.name.value == name }
    }

    /// The function named `name`, if configured.
    public func function(named name: String) -> FunctionConfig? {
        functions.first { $0.name.value == name }
    }

    /// Decodes a merged document. Problems are reported to `diagnostics`; what could be read is returned.
    public static func decode(_ root: TOMLTable, files: [String], diagnostics: DiagnosticCollector) -> TensorZeroConfig {
        let rootLocation = SourceLocation(file: files.first ?? "", line: 1, column: 1)
        var reader = TableReader(table: root, path: "", location: rootLocation, diagnostics: diagnostics)
        var config = TensorZeroConfig(
            files: files, gateway: GatewayConfig.read(from: reader.value("gateway"), diagnostics: diagnostics),
            models: [], embeddingModels: [], functions: [], tools: [], metrics: [], providerTypeDefaults: [:]
        )
        config.models = readEntries("models", from: &reader, ModelConfig.read)
        config.embeddingModels = readEntries("embedding_models", from: &reader, EmbeddingModelConfig.read)
        config.functions = readEntries("functions", from: &reader, FunctionConfig.read)
        config.tools = readEntries("tools", from: &reader, ToolConfig.read)
        config.metrics = readEntries("metrics", from: &reader, MetricConfig.read)
        if let providerTypes = reader.value("provider_types") {
            config.providerTypeDefaults = ProviderTypeDefaults.readAll(from: providerTypes, diagnostics: diagnostics)
        }
        reader.accept(rootFields)
        reader.rejectUnknownKeys(expected: rootFields)
        return config
    }

    private static func readEntries<Entry>(
        _ section: String,
        from reader: inout TableReader,
        _ readEntry: (Located<String>, TOMLValue, DiagnosticCollector) -> Entry?
    ) -> [Entry] {
        guard let table = reader.table(section) else { return [] }
        return table.table.entries.compactMap { entry in
            readEntry(Located(entry.key, at: entry.keyLocation), entry.value, reader.diagnostics)
        }
    }
}
