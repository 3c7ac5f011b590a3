import SwitchyardConfig

extension RoutingPlan: JSONRepresentable {
    /// The canonical plan document (`compile -o`).
    public var json: JSONValue {
        .object([
            "format": .string(Self.formatVersion),
            "source_files": sourceFiles.json,
            "gateway": .object(["global_outbound_http_timeout_ms": .int(globalTimeoutMs)]),
            "models": .object(models.mapValues(\.json)),
            "shorthand_models": .object(shorthandModels.mapValues(\.json)),
            "functions": .object(functions.mapValues(\.json)),
            "credentials": .object(credentials.mapValues(\.json)),
            "diagnostics": .array(diagnostics.map(\.json)),
        ])
    }

    /// The plan as canonical JSON text.
    public var canonicalJSON: String { CanonicalJSONWriter.render(json) }
}

extension ModelPlan: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "routing": .array(routing.map(\.json)),
            "timeouts": timeouts?.json,
            "shorthand": isShorthand ? .bool(true) : nil,
        ])
    }
}

extension ProviderPlan: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "name": .string(name),
            "type": .string(type.rawValue),
            "endpoint": .string(endpoint),
            "wire_model": wireModel?.json,
            "auth": .string(authStyle.rawValue),
            "credential_origin": .string(credentials.origin.rawValue),
            "credentials": .array(credentials.links.map(\.json)),
            "timeouts": timeouts?.json,
            "extra_headers": extraHeaders.isEmpty ? nil : extraHeaders.json,
            "extra_body": extraBody.isEmpty ? nil : extraBody.json,
            "settings": settings.isEmpty ? nil : settings.json,
        ])
    }
}

extension CredentialLink: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "location": .string(location.description),
            "role": .string(role.rawValue),
            "status": .string(status.rawValue),
            "field": .string(field),
        ])
    }
}

extension TimeoutPlan: JSONRepresentable {
    public var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let nonStreamingTotalMs { object["non_streaming"] = .object(["total_ms": .int(nonStreamingTotalMs)]) }
        if streamingTTFTMs != nil || streamingTotalMs != nil {
            object["streaming"] = .object(["ttft_ms": streamingTTFTMs?.json, "total_ms": streamingTotalMs?.json])
        }
        return .object(object)
    }
}

extension FunctionPlan: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "type": .string(kind.rawValue),
            "sampling": sampling.json,
            "variants": .object(variants.mapValues(\.json)),
        ])
    }
}

extension SamplingPlan: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "policy": .string(policy.rawValue),
            "candidates": .array(candidates.map { .object(["variant": .string($0.variant), "weight": .double($0.weight), "share": .double($0.share)]) }),
            "fallbacks": fallbacks.json,
            "fallback_order_unspecified": fallbackOrderUnspecified ? .bool(true) : nil,
            "never_sampled": neverSampled.isEmpty ? nil : neverSampled.json,
        ])
    }
}

extension VariantPlan: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "type": .string(kind.rawValue),
            "model": model?.json,
            "candidates": candidates.isEmpty ? nil : candidates.json,
            "judge_model": judgeModel?.json,
            "retries": .object(["num_retries": .int(Int64(numRetries)), "max_delay_s": .double(maxDelaySeconds)]),
            "timeouts": timeouts?.json,
            "json_mode": jsonMode?.json,
        ])
    }
}

extension CredentialUsage: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "form": .string(location.form.rawValue),
            "status": .string(status.rawValue),
            "used_by": usedBy.json,
        ])
    }
}

extension Diagnostic: JSONRepresentable {
    public var json: JSONValue {
        .object([
            "code": .string(code.rawValue),
            "severity": .string(severity.rawValue),
            "message": .string(message),
            "key_path": keyPath?.json,
            "file": location?.file.json,
            "line": location.map { .int(Int64($0.line)) },
            "column": location.map { .int(Int64($0.column)) },
            "notes": notes.isEmpty ? nil : notes.json,
        ])
    }
}
