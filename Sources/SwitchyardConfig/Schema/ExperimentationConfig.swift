/// `[functions.F.experimentation]`: how a function's variants are sampled.
public struct ExperimentationConfig: Sendable {
    /// The `type` strings TensorZero accepts.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case staticWeights = "static"
        case adaptive
        case legacyStaticWeights = "static_weights"
        case legacyUniform = "uniform"
        case legacyTrackAndStop = "track_and_stop"

        static let listing: [Kind] = [.staticWeights, .adaptive, .legacyStaticWeights, .legacyUniform, .legacyTrackAndStop]

        /// Whether the type is one of TensorZero's deprecated spellings, and the one to use instead.
        public var replacement: String? {
            switch self {
            case .legacyStaticWeights, .legacyUniform: "static"
            case .legacyTrackAndStop: "adaptive"
            case .staticWeights, .adaptive: nil
            }
        }

        /// Whether the variant choice is adaptive (track-and-stop).
        public var isAdaptive: Bool { self == .adaptive || self == .legacyTrackAndStop }
    }

    public var kind: Located<Kind>
    public var location: SourceLocation
    /// `functions.F.experimentation`.
    public var path: String
    /// Candidates with their weights (a list gives each weight 1.0); `nil` when not written.
    public var candidates: [(name: Located<String>, weight: Double)]?
    /// Whether `candidate_variants` was written as a list (the weights are then implicit).
    public var candidatesAreList: Bool
    public var fallbacks: [Located<String>]?
    /// Track-and-stop settings as written.
    public var metric: Located<String>?
    public var delta: Located<Double>?
    public var epsilon: Located<Double>?
    public var minProbability: Located<Double>?
    public var minSamplesPerVariant: Located<Int64>?
    public var maxSamplesPerVariant: Located<Int64>?
    public var updatePeriodSeconds: Located<Int64>?
}

extension ExperimentationConfig {
    static func read(from reader: inout TableReader) -> ExperimentationConfig? {
        guard var table = reader.table("experimentation") else { return nil }
        guard let typeName = table.string("type", required: true) else { return nil }
        guard let kind = Kind(rawValue: typeName.value) else {
            let expected = Kind.listing.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            table.diagnostics.report(.invalidValue, at: typeName.location, path: table.path, "unknown variant `\(typeName.value)`, expected one of \(expected)")
            return nil
        }
        var config = ExperimentationConfig(
            kind: Located(kind, at: typeName.location), location: table.location, path: table.path,
            candidates: nil, candidatesAreList: false, fallbacks: nil
        )
        let candidatesRequired = kind != .legacyUniform
        config.readCandidates(from: &table, required: candidatesRequired)
        config.fallbacks = table.stringArray("fallback_variants")
        if kind.isAdaptive {
            config.metric = table.string("metric", required: true)
            config.delta = table.number("delta")
            config.epsilon = table.number("epsilon")
            config.minProbability = table.number("min_prob")
            config.minSamplesPerVariant = table.unsigned("min_samples_per_variant")
            config.maxSamplesPerVariant = table.unsigned("max_samples_per_variant")
            config.updatePeriodSeconds = table.unsigned("update_period_s")
            _ = table.string("algorithm")
        }
        // TensorZero does not deny unknown keys inside experimentation tables; neither does this.
        return config
    }

    private mutating func readCandidates(from table: inout TableReader, required: Bool) {
        guard let value = table.value("candidate_variants") else {
            if required { table.reportMissing("candidate_variants") }
            return
        }
        switch value.kind {
        case .array:
            let names = table.stringArrayValue(value, path: table.path(of: "candidate_variants")) ?? []
            candidates = names.map { ($0, 1.0) }
            candidatesAreList = true
        case .table(let weights):
            var list: [(Located<String>, Double)] = []
            for entry in weights.entries {
                switch entry.value.kind {
                case .float(let weight): list.append((Located(entry.key, at: entry.keyLocation), weight))
                case .integer(let weight): list.append((Located(entry.key, at: entry.keyLocation), Double(weight)))
                default:
                    table.diagnostics.report(.wrongType, at: entry.value.location, path: table.path(of: "candidate_variants.\(entry.key)"), "expected a number, found \(entry.value.typeName)")
                }
            }
            candidates = list
        default:
            table.reportType("candidate_variants", value, expected: "a list of variant names or a table of weights")
        }
    }
}

extension TableReader {
    /// Decodes an already-fetched array value as strings, reporting non-strings.
    func stringArrayValue(_ value: TOMLValue, path: String) -> [Located<String>]? {
        guard case .array(let items) = value.kind else { return nil }
        var strings: [Located<String>] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item.kind else {
                diagnostics.report(.wrongType, at: item.location, path: "\(path)[\(index)]", "expected a string, found \(item.typeName)")
                return nil
            }
            strings.append(Located(text, at: item.location))
        }
        return strings
    }
}
