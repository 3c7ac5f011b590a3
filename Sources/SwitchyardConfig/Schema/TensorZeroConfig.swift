/// A whole TensorZero configuration, typed, with every value's source position kept.
public struct TensorZeroConfig: Sendable {
    /// The files that were merged, in load order.
    public var files: [String]
    public var gateway: GatewayConfig
    public private(set) var models: [ModelConfig]
    public var embeddingModels: [EmbeddingModelConfig]
    public private(set) var functions: [FunctionConfig]
    public var tools: [ToolConfig]
    public var metrics: [MetricConfig]
    public var providerTypeDefaults: [ProviderType: ProviderTypeDefaults]

    /// The root keys TensorZero 2026.6.0 accepts, in its order.
    static let rootFields = [
        "gateway", "clickhouse", "postgres", "rate_limiting", "object_storage", "models", "embedding_models",
        "functions", "metrics", "tools", "evaluations", "provider_types", "optimizers", "autopilot",
    ]

    /// Positions in `models` and `functions` by name (the first of a name wins), for constant-time lookups.
    private var modelPositions: [String: Int] = [:]
    private var functionPositions: [String: Int] = [:]

    /// The model named `name`, if configured.
    public func model(named name: String) -> ModelConfig? {
        modelPositions[name].map { models[$0] }
    }

    /// Whether a `[models]` entry named `name` exists.
    public func hasModel(named name: String) -> Bool { modelPositions[name] != nil }

    /// The function named `name`, if configured.
    public func function(named name: String) -> FunctionConfig? {
        functionPositions[name].map { functions[$0] }
    }

    /// Decodes a merged document. Problems are reported to `diagnostics`; what could be read is returned.
    public static func decode(_ root: consuming TOMLTable, files: [String], diagnostics: DiagnosticCollector) -> TensorZeroConfig {
        let rootLocation = SourceLocation(file: files.first ?? "", line: 1, column: 1)
        var reader = TableReader(table: consume root, path: "", location: rootLocation, diagnostics: diagnostics)
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
        config.modelPositions = positions(of: config.models.map(\.name.value))
        config.functionPositions = positions(of: config.functions.map(\.name.value))
        reader.accept(rootFields)
        reader.rejectUnknownKeys(expected: rootFields)
        return config
    }

    private static func positions(of names: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        return positions
    }

    private static func readEntries<Entry>(
        _ section: String,
        from reader: inout TableReader,
        _ readEntry: (Located<String>, TOMLValue, DiagnosticCollector) -> Entry?
    ) -> [Entry] {
        guard let value = reader.take(section),
              var table = TableReader(consume value, path: keyPath(reader.path, section), diagnostics: reader.diagnostics) else { return [] }
        var entries: [Entry] = []
        entries.reserveCapacity(table.table.count)
        // Each entry's TOML is freed once it is decoded, so the document and the typed config never both
        // exist in full.
        table.takeEntries { entry in
            if let decoded = readEntry(Located(entry.key, at: entry.keyLocation), entry.value, reader.diagnostics) {
                entries.append(decoded)
            }
        }
        return entries
    }
}
