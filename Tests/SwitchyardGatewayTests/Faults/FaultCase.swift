/// One misbehaving upstream and how the config around it reacts: each case has its own function (`f_NAME`),
/// model (`m_NAME`) and `fault` provider; `backup` is a healthy upstream shared by every case.
struct FaultCase: Sendable {
    /// Which `timeouts` table bounds the fault, and what follows it.
    enum Guard: Sendable {
        /// The `fault` provider's own timeouts; the model then routes to `backup`.
        case provider
        /// The model's timeouts over a model with only `fault`; the function falls back to the variant
        /// `secondary` (model `m_backup`).
        case model
        /// The variant's timeouts over a model with only `fault`; the function falls back to `secondary`.
        case variant
        /// Nothing: the model has only `fault` and the function one variant, retried `retries` times.
        case unguarded(retries: Int)
    }

    var name: String
    /// How the upstream answers; `nil` puts the provider on a host that does not resolve.
    var behaviour: FaultUpstream.Behaviour?
    /// The `respond` script that gives the simulator the same attempt outcome.
    var script: String
    var stream = false
    var guardedBy = Guard.provider
    /// The timeout of the guarding level.
    var timeoutMs = 300

    /// Every fault the gateway must survive.
    static let all: [FaultCase] = [
        FaultCase(name: "hang", behaviour: .hang, script: "timeout"),
        FaultCase(name: "hang_stream", behaviour: .hang, script: "timeout", stream: true),
        FaultCase(name: "hang_model", behaviour: .hang, script: "timeout", guardedBy: .model),
        FaultCase(name: "hang_variant", behaviour: .hang, script: "timeout", guardedBy: .variant),
        FaultCase(name: "stall_mid_body", behaviour: .stallMidBody, script: "timeout"),
        FaultCase(name: "reset_mid_body", behaviour: .resetMidBody, script: "reset"),
        FaultCase(name: "garbage_bytes", behaviour: .garbageBytes, script: "reset"),
        FaultCase(name: "not_json", behaviour: .notJSON, script: "garbage"),
        // The engine commits to a stream at its first chunk, so a stream that breaks later is served by `fault`,
        // as an `ok` stream is in the simulator; the break reaches the client as an error event.
        FaultCase(name: "broken_stream", behaviour: .brokenStream, script: "ok", stream: true),
        FaultCase(name: "close_immediately", behaviour: .closeImmediately, script: "reset"),
        FaultCase(name: "close_immediately_stream", behaviour: .closeImmediately, script: "reset", stream: true),
        FaultCase(name: "dns_failure", behaviour: nil, script: "reset"),
        FaultCase(name: "rate_limited", behaviour: .status(429, retryAfter: "30"), script: "429"),
        FaultCase(name: "unavailable", behaviour: .status(503, retryAfter: "30"), script: "503"),
        FaultCase(name: "rate_limited_only", behaviour: .status(429, retryAfter: "30"), script: "429", guardedBy: .unguarded(retries: 0)),
        FaultCase(name: "rate_limited_retried", behaviour: .status(429, retryAfter: "30"), script: "429", guardedBy: .unguarded(retries: 1)),
    ]

    /// A hang its provider's timeout ends only after 2 s, so that requests stay stuck long enough to watch others.
    static let longHang = FaultCase(name: "hang_long", behaviour: .hang, script: "timeout", timeoutMs: 2000)

    /// The config's tables for this case, its `fault` provider at `faultBase` (an `http://host:port` URL).
    func toml(faultBase: String, backupBase: String) -> String {
        let model = "m_\(name)"
        var text = """
            [models.\(model)]
            routing = \(guardedBy.routesToBackup ? #"["fault", "backup"]"# : #"["fault"]"#)

            \(Self.provider("fault", model: model, base: faultBase))
            """
        switch guardedBy {
        case .provider:
            text += """
                [models.\(model).providers.fault.timeouts]
                non_streaming.total_ms = \(timeoutMs)
                streaming.ttft_ms = \(timeoutMs)

                \(Self.provider("backup", model: model, base: backupBase))
                """
        case .model:
            text += "[models.\(model).timeouts]\nnon_streaming.total_ms = \(timeoutMs)\nstreaming.ttft_ms = \(timeoutMs)\n\n"
        case .variant, .unguarded:
            break
        }
        text += "[functions.f_\(name)]\ntype = \"chat\"\n\n"
        switch guardedBy {
        case .provider:
            text += Self.variant("v", function: name, model: model)
        case .unguarded(let retries):
            text += Self.variant("v", function: name, model: model, extra: "retries = { num_retries = \(retries), max_delay_s = 10 }\n")
        case .model, .variant:
            text += """
                [functions.f_\(name).experimentation]
                type = "static"
                candidate_variants = { primary = 1.0 }
                fallback_variants = ["secondary"]

                """
            let timeouts = guardedBy.isVariant ? "timeouts = { non_streaming = { total_ms = \(timeoutMs) }, streaming = { ttft_ms = \(timeoutMs) } }\n" : ""
            text += Self.variant("primary", function: name, model: model, extra: timeouts)
            text += Self.variant("secondary", function: name, model: "m_backup")
        }
        return text
    }

    /// The `upstream` table that makes the simulator's `fault` answer as this case's upstream does.
    var scenarioUpstream: String {
        "[upstream.\"m_\(name).fault\"]\nrespond = \"\(script)\"\n"
    }

    static func provider(_ name: String, model: String, base: String) -> String {
        """
        [models.\(model).providers.\(name)]
        type = "openai"
        api_base = "\(base)/v1/"
        model_name = "\(name)"
        api_key_location = "env::FAULT_TEST_KEY"

        """
    }

    private static func variant(_ name: String, function: String, model: String, extra: String = "") -> String {
        "[functions.f_\(function).variants.\(name)]\ntype = \"chat_completion\"\nmodel = \"\(model)\"\n\(extra)\n"
    }
}

extension FaultCase.Guard {
    var routesToBackup: Bool {
        if case .provider = self { return true }
        return false
    }

    var isVariant: Bool {
        if case .variant = self { return true }
        return false
    }
}
