extension VariantConfig {
    static let completionFields = [
        "weight", "model", "system_template", "user_template", "assistant_template", "input_wrappers", "templates",
        "temperature", "top_p", "max_tokens", "presence_penalty", "frequency_penalty", "seed", "stop_sequences",
        "reasoning_effort", "service_tier", "thinking_budget_tokens", "verbosity", "json_mode", "retries",
        "extra_body", "extra_headers",
    ]
    static let dynamicInContextLearningFields = [
        "weight", "embedding_model", "k", "model", "system_instructions", "temperature", "top_p", "stop_sequences",
        "presence_penalty", "frequency_penalty", "max_tokens", "seed", "reasoning_effort", "thinking_budget_tokens",
        "verbosity", "json_mode", "extra_body", "retries", "extra_headers", "max_distance",
    ]
    static let commonFields = ["type", "timeouts", "namespace"]
    static let jsonModes = ["off", "on", "strict", "tool"]
    static let templateRoles = ["system_template", "user_template", "assistant_template"]

    static func read(name: Located<String>, value: TOMLValue, functionPath: String, diagnostics: DiagnosticCollector) -> VariantConfig? {
        let path = keyPath(functionPath, "variants", name.value)
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return nil }
        guard let typeName = reader.string("type", required: true) else { return nil }
        guard let kind = Kind(rawValue: typeName.value) else {
            let expected = Kind.listing.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            diagnostics.report(.invalidValue, at: typeName.location, path: path, "unknown variant `\(typeName.value)`, expected one of \(expected)")
            return nil
        }
        var variant = VariantConfig(
            name: name, kind: kind, path: path, location: value.location, model: nil, weight: nil, jsonMode: nil,
            retries: .none, timeouts: nil, candidates: [], templates: [:], embeddingModel: nil
        )
        variant.weight = reader.number("weight")
        variant.timeouts = TimeoutsConfig.read("timeouts", from: &reader)
        _ = reader.string("namespace")
        switch kind {
        case .chatCompletion, .chainOfThought:
            variant.readCompletionFields(from: &reader, requireModel: true)
            reader.rejectUnknownKeys(expected: kind == .chatCompletion ? completionFields : [])
        case .dynamicInContextLearning:
            variant.readCompletionFields(from: &reader, requireModel: true)
            variant.embeddingModel = reader.string("embedding_model", required: true)
            _ = reader.unsigned("k", required: true)
            reader.accept(dynamicInContextLearningFields)
            reader.rejectUnknownKeys(expected: dynamicInContextLearningFields)
        case .bestOfN, .mixtureOfN:
            let judgeKey = kind == .bestOfN ? "evaluator" : "fuser"
            variant.candidates = reader.stringArray("candidates") ?? []
            if var judge = reader.table(judgeKey, required: true) {
                var judgeVariant = VariantConfig(
                    name: Located("\(name.value).\(judgeKey)", at: name.location), kind: .chatCompletion, path: judge.path, location: value.location,
                    model: nil, weight: nil, jsonMode: nil, retries: .none, timeouts: nil, candidates: [], templates: [:], embeddingModel: nil
                )
                judgeVariant.readCompletionFields(from: &judge, requireModel: true)
                judge.rejectUnknownKeys(expected: [])
                variant.judge = judgeVariant
                variant.templates.merge(judgeVariant.templates.mapKeys { "\(judgeKey).\($0)" }) { first, _ in first }
            }
            variant.candidateTimeoutSeconds = reader.number("timeout_s")
            reader.rejectUnknownKeys(expected: ["weight", "timeout_s", "candidates", judgeKey])
        }
        return variant
    }

    /// Reads the fields a chat-completion-like table shares (variant, chain of thought, evaluator, fuser).
    private mutating func readCompletionFields(from reader: inout TableReader, requireModel: Bool) {
        model = reader.string("model", required: requireModel)
        if let mode = reader.string("json_mode") {
            if Self.jsonModes.contains(mode.value) {
                jsonMode = mode
            } else {
                reader.diagnostics.report(
                    .invalidValue, at: mode.location, path: reader.path(of: "json_mode"),
                    "unknown variant `\(mode.value)`, \(TableReader.describeExpected(Self.jsonModes))"
                )
            }
        }
        retries = RetryConfig.read(from: &reader)
        for role in Self.templateRoles {
            if let template = reader.string(role) { templates[role] = template }
        }
        if let named = reader.table("templates") {
            for entry in named.table.entries {
                guard var template = TableReader(entry.value, path: named.path(of: entry.key), diagnostics: reader.diagnostics) else { continue }
                if let path = template.string("path", required: true) { templates["templates.\(entry.key)"] = path }
                template.rejectUnknownKeys(expected: ["path"])
            }
        }
        extraHeaders = ExtraEntries.readHeaders(from: &reader)
        extraBody = ExtraEntries.readBody(from: &reader)
        parameters = SamplingParameters.read(from: &reader)
        reader.accept(["input_wrappers", "weight", "system_instructions", "max_distance"])
    }
}

extension Dictionary {
    func mapKeys<NewKey: Hashable>(_ transform: (Key) -> NewKey) -> [NewKey: Value] {
        Dictionary<NewKey, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
