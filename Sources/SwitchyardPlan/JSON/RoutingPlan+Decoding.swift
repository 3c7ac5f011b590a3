import SwitchyardConfig

// Reads a plan back from its canonical JSON (`switchyard compile -o`), the inverse of RoutingPlan+JSON:
// decoding a canonical document and encoding the result gives the same bytes. Unknown members are ignored,
// since newer plans of the same format version only add members.

extension RoutingPlan {
    /// The plan in `document`, which must be of this build's format version (`RoutingPlan.formatVersion`).
    public init(json document: JSONValue) throws(PlanShapeError) {
        let root = try JSONObjectReader(document, path: "")
        let format = try root.string("format")
        guard format == Self.formatVersion else {
            throw PlanShapeError(path: "format", reason: "plan format `\(format)` is not supported (this build reads `\(Self.formatVersion)`)")
        }
        let credentials = try root.map("credentials") { (name, value, path) throws(PlanShapeError) in try CredentialUsage(json: value, location: name, path: path) }
        var diagnostics: [Diagnostic] = []
        for item in try root.array("diagnostics") { diagnostics.append(try Diagnostic(json: item.value, path: item.path)) }
        var shorthandCredentials: [ProviderType: ResolvedCredentials] = [:]
        for (name, value) in try root.object("shorthand_credentials").members {
            let path = "shorthand_credentials.\(name)"
            guard let type = ProviderType(rawValue: name) else { throw PlanShapeError(path: path, reason: "unknown provider type `\(name)`") }
            shorthandCredentials[type] = try ResolvedCredentials(json: JSONObjectReader(value, path: path))
        }
        self.init(
            sourceFiles: try root.strings("source_files"),
            globalTimeoutMs: try root.object("gateway").int("global_outbound_http_timeout_ms"),
            models: try root.map("models") { (name, value, path) throws(PlanShapeError) in try ModelPlan(json: value, name: name, path: path) },
            shorthandModels: try root.map("shorthand_models") { (name, value, path) throws(PlanShapeError) in try ModelPlan(json: value, name: name, path: path) },
            functions: try root.map("functions") { (name, value, path) throws(PlanShapeError) in try FunctionPlan(json: value, name: name, path: path) },
            shorthandCredentials: shorthandCredentials, credentials: credentials, diagnostics: diagnostics
        )
    }
}

extension ModelPlan {
    init(json value: JSONValue, name: String, path: String) throws(PlanShapeError) {
        let object = try JSONObjectReader(value, path: path)
        var routing: [ProviderPlan] = []
        for item in try object.array("routing") { routing.append(try ProviderPlan(json: JSONObjectReader(item.value, path: item.path))) }
        self.init(
            name: name, routing: routing, timeouts: try object.optionalObject("timeouts").map(TimeoutPlan.init(json:)),
            isShorthand: try object.optionalBool("shorthand") ?? false
        )
    }
}

extension ProviderPlan {
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        let extraHeaders = try ExtraSetting.list(object, entriesKey: "extra_header_entries", namesKey: "extra_headers", targetKey: "name")
        let extraBody = try ExtraSetting.list(object, entriesKey: "extra_body_entries", namesKey: "extra_body", targetKey: "pointer")
        var settings: [String: String] = [:]
        if object.has("settings") {
            settings = try object.map("settings") { (_, value, path) throws(PlanShapeError) in
                guard case .string(let text) = value else { throw PlanShapeError(path: path, reason: "expected a string, found \(value.kindName)") }
                return text
            }
        }
        self.init(
            name: try object.string("name"), type: try object.choice("type", ProviderType.self), endpoint: try object.string("endpoint"),
            wireModel: try object.optionalString("wire_model"), authStyle: try object.choice("auth", ProviderCredentialPolicy.AuthStyle.self),
            credentials: try ResolvedCredentials(json: object), timeouts: try object.optionalObject("timeouts").map(TimeoutPlan.init(json:)),
            extraHeaders: extraHeaders, extraBody: extraBody, settings: settings
        )
    }
}

extension ResolvedCredentials {
    /// Reads `credential_origin` and `credentials` of `object` (a provider entry or a shorthand chain).
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        var links: [CredentialLink] = []
        for item in try object.array("credentials") { links.append(try CredentialLink(json: JSONObjectReader(item.value, path: item.path))) }
        self.init(origin: try object.choice("credential_origin", CredentialOrigin.self), links: links)
    }
}

extension CredentialLink {
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        self.init(
            location: try CredentialLocation(planText: object.string("location"), path: object.path(of: "location")),
            role: try object.choice("role", CredentialRole.self), status: try object.choice("status", CredentialStatus.self),
            field: try object.string("field"), checkedAt: try object.optionalObject("checked_at").map(SourceLocation.init(json:))
        )
    }
}

extension CredentialLocation {
    init(planText text: String, path: String) throws(PlanShapeError) {
        guard let location = CredentialLocation(parsing: text) else { throw PlanShapeError(path: path, reason: "`\(text)` is not a credential location") }
        self = location
    }
}

extension SourceLocation {
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        self.init(file: try object.string("file"), line: Int(try object.int("line")), column: Int(try object.int("column")))
    }
}

extension TimeoutPlan {
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        let streaming = try object.optionalObject("streaming")
        self.init(
            nonStreamingTotalMs: try object.optionalObject("non_streaming")?.int("total_ms"),
            streamingTTFTMs: try streaming?.optionalInt("ttft_ms"), streamingTotalMs: try streaming?.optionalInt("total_ms")
        )
    }
}

extension FunctionPlan {
    init(json value: JSONValue, name: String, path: String) throws(PlanShapeError) {
        let object = try JSONObjectReader(value, path: path)
        self.init(
            name: name, kind: try object.choice("type", FunctionConfig.Kind.self), sampling: try SamplingPlan(json: object.object("sampling")),
            variants: try object.map("variants") { (variant, value, path) throws(PlanShapeError) in try VariantPlan(json: value, name: variant, path: path) },
            interface: try object.optionalObject("interface").map(FunctionInterfacePlan.init(json:)) ?? FunctionInterfacePlan()
        )
    }
}

extension SamplingPlan {
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        var candidates: [Candidate] = []
        for item in try object.array("candidates") {
            let candidate = try JSONObjectReader(item.value, path: item.path)
            candidates.append(Candidate(variant: try candidate.string("variant"), weight: try candidate.double("weight"), share: try candidate.double("share")))
        }
        self.init(
            policy: try object.choice("policy", Policy.self), candidates: candidates, fallbacks: try object.strings("fallbacks"),
            fallbackOrderUnspecified: try object.optionalBool("fallback_order_unspecified") ?? false,
            neverSampled: object.has("never_sampled") ? try object.strings("never_sampled") : []
        )
    }
}

extension VariantPlan {
    init(json value: JSONValue, name: String, path: String) throws(PlanShapeError) {
        let object = try JSONObjectReader(value, path: path)
        let retries = try object.object("retries")
        let kind = try object.choice("type", VariantConfig.Kind.self)
        self.init(
            name: name, kind: kind, model: try object.optionalString("model"),
            candidates: object.has("candidates") ? try object.strings("candidates") : [],
            judge: try Self.judge(object, of: name, kind: kind),
            numRetries: Int(try retries.int("num_retries")), maxDelaySeconds: try retries.double("max_delay_s"),
            timeouts: try object.optionalObject("timeouts").map(TimeoutPlan.init(json:)), jsonMode: try object.optionalString("json_mode"),
            parameters: try object.optionalObject("parameters").map(SamplingParameters.init(json:)) ?? SamplingParameters(),
            extraHeaders: try ExtraSetting.list(object, entriesKey: "extra_header_entries", namesKey: nil, targetKey: "name"),
            extraBody: try ExtraSetting.list(object, entriesKey: "extra_body_entries", namesKey: nil, targetKey: "pointer"),
            templates: object.has("templates") ? try object.map("templates") { (_, value, path) throws(PlanShapeError) in try TemplatePlan(json: value, path: path) } : [:],
            schemas: object.has("schemas") ? try object.map("schemas") { (_, value, path) throws(PlanShapeError) in
                let record = try JSONObjectReader(value, path: path)
                return PlanFileRecord(path: try record.string("path"), sha256: try record.string("sha256"))
            } : [:]
        )
    }
}

extension VariantPlan {
    /// The `judge` entry; a plan written before plans carried it names only `judge_model`, which then runs with
    /// default settings.
    private static func judge(_ object: JSONObjectReader, of name: String, kind: VariantConfig.Kind) throws(PlanShapeError) -> VariantPlan? {
        let judgeName = "\(name).\(kind == .bestOfN ? "evaluator" : "fuser")"
        if object.has("judge") {
            return try VariantPlan(json: try object.value("judge"), name: judgeName, path: object.path(of: "judge"))
        }
        guard let model = try object.optionalString("judge_model") else { return nil }
        return VariantPlan(name: judgeName, kind: .chatCompletion, model: model, numRetries: 0, maxDelaySeconds: 10, timeouts: nil, jsonMode: nil)
    }
}

extension SamplingParameters {
    init(json object: JSONObjectReader) throws(PlanShapeError) {
        self.init(
            temperature: object.has("temperature") ? try object.double("temperature") : nil,
            topP: object.has("top_p") ? try object.double("top_p") : nil,
            maxTokens: object.has("max_tokens") ? Int(try object.int("max_tokens")) : nil,
            presencePenalty: object.has("presence_penalty") ? try object.double("presence_penalty") : nil,
            frequencyPenalty: object.has("frequency_penalty") ? try object.double("frequency_penalty") : nil,
            seed: object.has("seed") ? Int(try object.int("seed")) : nil,
            stopSequences: object.has("stop_sequences") ? try object.strings("stop_sequences") : nil,
            reasoningEffort: try object.optionalString("reasoning_effort"),
            serviceTier: object.has("service_tier") ? try object.choice("service_tier", ServiceTier.self) : nil,
            thinkingBudgetTokens: try object.optionalInt("thinking_budget_tokens").map { Int32(clamping: $0) },
            verbosity: try object.optionalString("verbosity")
        )
    }
}

extension TemplatePlan {
    /// A template entry; its source must match its hash and parse.
    init(json value: JSONValue, path: String) throws(PlanShapeError) {
        let object = try JSONObjectReader(value, path: path)
        let source = try object.string("source")
        let file = PlanFileRecord(path: try object.string("path"), sha256: try object.string("sha256"))
        guard PlanFileRecord(path: file.path, contents: source.utf8).sha256 == file.sha256 else {
            throw PlanShapeError(path: object.path(of: "source"), reason: "the template source does not match its `sha256`")
        }
        let isRoleField = try object.optionalBool("role_field") ?? false
        do throws(TemplateSyntaxError) {
            self = try TemplatePlan(file: file, source: source, isRoleField: isRoleField)
        } catch {
            throw PlanShapeError(path: object.path(of: "source"), reason: "line \(error.line), column \(error.column): \(error.message)")
        }
    }
}

extension ExtraSetting {
    /// The entries under `entriesKey`. A provider entry that lists names under `namesKey` without entries was
    /// written before plans carried the values, and cannot be served as compiled.
    static func list(_ object: JSONObjectReader, entriesKey: String, namesKey: String?, targetKey: String) throws(PlanShapeError) -> [ExtraSetting] {
        guard let items = try object.optionalArray(entriesKey) else {
            if let namesKey, object.has(namesKey) {
                throw PlanShapeError(path: object.path(of: namesKey), reason: "the plan names `\(namesKey)` entries without their values (`\(entriesKey)`): it was compiled by an older Switchyard; compile the config again")
            }
            return []
        }
        var settings: [ExtraSetting] = []
        for item in items {
            let entry = try JSONObjectReader(item.value, path: item.path)
            let target = try entry.string(targetKey)
            if try entry.optionalBool("delete") == true {
                settings.append(ExtraSetting(target: target, action: .delete))
            } else if try entry.optionalBool("withheld") == true {
                settings.append(ExtraSetting(target: target, action: .setWithheld(nil)))
            } else {
                settings.append(ExtraSetting(target: target, action: .set(try entry.value("value"))))
            }
        }
        if let namesKey, object.has(namesKey), try object.strings(namesKey) != settings.map(\.target) {
            throw PlanShapeError(path: object.path(of: namesKey), reason: "does not match the targets of `\(entriesKey)`")
        }
        return settings
    }
}

extension CredentialUsage {
    init(json value: JSONValue, location name: String, path: String) throws(PlanShapeError) {
        let object = try JSONObjectReader(value, path: path)
        self.init(location: try CredentialLocation(planText: name, path: path), status: try object.choice("status", CredentialStatus.self), usedBy: try object.strings("used_by"))
    }
}

extension Diagnostic {
    init(json value: JSONValue, path: String) throws(PlanShapeError) {
        let object = try JSONObjectReader(value, path: path)
        var location: SourceLocation?
        if let file = try object.optionalString("file") {
            location = SourceLocation(file: file, line: Int(try object.int("line")), column: Int(try object.int("column")))
        }
        self.init(
            try object.choice("code", DiagnosticCode.self), try object.choice("severity", Severity.self), at: location,
            path: try object.optionalString("key_path"), try object.string("message"),
            notes: object.has("notes") ? try object.strings("notes") : []
        )
    }
}
