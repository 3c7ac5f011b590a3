import SwitchyardConfig

// The plan's canonical JSON. Each object writes its members in ascending key order.

extension RoutingPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("credentials", credentials)
            json.member("diagnostics", diagnostics)
            json.member("format", Self.formatVersion)
            json.member("functions", functions)
            json.key("gateway")
            json.object { json in json.member("global_outbound_http_timeout_ms", globalTimeoutMs) }
            json.member("models", models)
            json.member("shorthand_credentials", Dictionary(uniqueKeysWithValues: shorthandCredentials.map { ($0.key.rawValue, $0.value) }))
            json.member("shorthand_models", shorthandModels)
            json.member("source_files", sourceFiles)
        }
    }

    /// The plan as canonical JSON text (`compile` without `-o`).
    public var canonicalJSON: String { CanonicalJSONWriter.render(self) }

    /// Writes the plan's canonical JSON to `path` (`compile -o`), streaming it and replacing the file
    /// atomically; the same bytes as `canonicalJSON`.
    public func writeCanonicalJSON(toFile path: String) throws {
        try CanonicalJSONFile.write(self, toFile: path)
    }
}

extension ModelPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("routing", routing)
            json.member("shorthand", isShorthand ? true : nil)
            json.member("timeouts", timeouts)
        }
    }
}

extension ProviderPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("auth", authStyle.rawValue)
            json.member("credential_origin", credentials.origin.rawValue)
            json.member("credentials", credentials.links)
            json.member("endpoint", endpoint)
            json.member("extra_body", extraBody.isEmpty ? nil : extraBody.map(\.target))
            json.writeExtraSettings("extra_body_entries", extraBody, targetKey: "pointer")
            json.writeExtraSettings("extra_header_entries", extraHeaders, targetKey: "name")
            json.member("extra_headers", extraHeaders.isEmpty ? nil : extraHeaders.map(\.target))
            json.member("name", name)
            json.member("settings", settings.isEmpty ? nil : settings)
            json.member("timeouts", timeouts)
            json.member("type", type.rawValue)
            json.member("wire_model", wireModel)
        }
    }
}

extension ResolvedCredentials: CanonicalJSONEncodable {
    /// The chain as a provider entry writes it (`credential_origin`, `credentials`), on its own.
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("credential_origin", origin.rawValue)
            json.member("credentials", links)
        }
    }
}

extension CredentialLink: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("checked_at", checkedAt)
            json.member("field", field)
            json.member("location", location.description)
            json.member("role", role.rawValue)
            json.member("status", status.rawValue)
        }
    }
}

extension TimeoutPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            if let nonStreamingTotalMs {
                json.key("non_streaming")
                json.object { json in json.member("total_ms", nonStreamingTotalMs) }
            }
            if streamingTTFTMs != nil || streamingTotalMs != nil {
                json.key("streaming")
                json.object { json in
                    json.member("total_ms", streamingTotalMs)
                    json.member("ttft_ms", streamingTTFTMs)
                }
            }
        }
    }
}

extension FunctionPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("interface", interface.isEmpty ? nil : interface)
            json.member("sampling", sampling)
            json.member("type", kind.rawValue)
            json.member("variants", variants)
        }
    }
}

extension SamplingPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.key("candidates")
            json.array(candidates) { json, candidate in
                json.object { json in
                    json.member("share", candidate.share)
                    json.member("variant", candidate.variant)
                    json.member("weight", candidate.weight)
                }
            }
            json.member("fallback_order_unspecified", fallbackOrderUnspecified ? true : nil)
            json.member("fallbacks", fallbacks)
            json.member("never_sampled", neverSampled.isEmpty ? nil : neverSampled)
            json.member("policy", policy.rawValue)
        }
    }
}

extension VariantPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("candidates", candidates.isEmpty ? nil : candidates)
            json.writeExtraSettings("extra_body_entries", extraBody, targetKey: "pointer")
            json.writeExtraSettings("extra_header_entries", extraHeaders, targetKey: "name")
            json.member("json_mode", jsonMode)
            json.member("judge", judge)
            json.member("judge_model", judgeModel)
            json.member("model", model)
            if !parameters.isEmpty {
                json.key("parameters")
                json.object { json in
                    json.member("frequency_penalty", parameters.frequencyPenalty)
                    json.member("max_tokens", parameters.maxTokens)
                    json.member("presence_penalty", parameters.presencePenalty)
                    json.member("reasoning_effort", parameters.reasoningEffort)
                    json.member("seed", parameters.seed)
                    json.member("service_tier", parameters.serviceTier?.rawValue)
                    json.member("stop_sequences", parameters.stopSequences)
                    json.member("temperature", parameters.temperature)
                    json.member("thinking_budget_tokens", parameters.thinkingBudgetTokens.map(Int.init))
                    json.member("top_p", parameters.topP)
                    json.member("verbosity", parameters.verbosity)
                }
            }
            json.key("retries")
            json.object { json in
                json.member("max_delay_s", maxDelaySeconds)
                json.member("num_retries", numRetries)
            }
            json.member("schemas", schemas.isEmpty ? nil : schemas)
            json.member("templates", templates.isEmpty ? nil : templates)
            json.member("timeouts", timeouts)
            json.member("type", kind.rawValue)
        }
    }
}

extension PlanFileRecord: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("path", path)
            json.member("sha256", sha256)
        }
    }
}

extension TemplatePlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("path", file.path)
            json.member("role_field", isRoleField ? true : nil)
            json.member("sha256", file.sha256)
            json.member("source", source)
        }
    }
}

extension CredentialUsage: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("form", location.form.rawValue)
            json.member("status", status.rawValue)
            json.member("used_by", usedBy)
        }
    }
}

extension Diagnostic: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("code", code.rawValue)
            json.member("column", location?.column)
            json.member("file", location?.file)
            json.member("key_path", keyPath)
            json.member("line", location?.line)
            json.member("message", message)
            json.member("notes", notes.isEmpty ? nil : notes)
            json.member("severity", severity.rawValue)
        }
    }
}

extension SourceLocation: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("column", column)
            json.member("file", file)
            json.member("line", line)
        }
    }
}

extension CanonicalJSONWriter {
    /// Writes `key: [entries]` (nothing when there are none): each entry names its target under `targetKey`
    /// and either sets `value`, sets `delete: true`, or says `withheld: true` for a value that may be a
    /// credential and so is never written.
    mutating func writeExtraSettings(_ key: StaticString, _ settings: [ExtraSetting], targetKey: StaticString) {
        guard !settings.isEmpty else { return }
        self.key(key)
        array(settings) { json, setting in
            json.object { json in
                if case .delete = setting.action { json.member("delete", true) }
                json.member(targetKey, setting.target)
                if case .set(let value) = setting.action { json.member("value", value) }
                if case .setWithheld = setting.action { json.member("withheld", true) }
            }
        }
    }
}
