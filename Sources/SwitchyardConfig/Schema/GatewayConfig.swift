/// The parts of `[gateway]` that affect routing; the other known keys are accepted and left alone.
public struct GatewayConfig: Sendable {
    /// TensorZero's default outbound HTTP timeout: 15 minutes.
    public static let defaultGlobalTimeoutMs: Int64 = 900_000

    public var globalOutboundHTTPTimeoutMs: Located<Int64>?

    /// The effective global timeout.
    public var globalTimeoutMs: Int64 { globalOutboundHTTPTimeoutMs?.value ?? Self.defaultGlobalTimeoutMs }

    static let fields = [
        "bind_address", "observability", "debug", "template_filesystem_access", "export", "base_path",
        "unstable_disable_feedback_target_validation", "unstable_error_json", "disable_pseudonymous_usage_analytics",
        "fetch_and_encode_input_files_before_inference", "auth", "global_outbound_http_timeout_ms",
        "global_outbound_http_intra_stream_read_timeout_ms", "relay", "metrics", "cache",
    ]

    static let observabilityFields = ["enabled", "backend", "async_writes", "batch_writes", "disable_automatic_migrations"]

    static func read(from value: TOMLValue?, diagnostics: DiagnosticCollector) -> GatewayConfig {
        var gateway = GatewayConfig()
        guard let value, var reader = TableReader(value, path: "gateway", diagnostics: diagnostics) else { return gateway }
        gateway.globalOutboundHTTPTimeoutMs = reader.unsigned("global_outbound_http_timeout_ms")
        for flag in ["debug", "unstable_disable_feedback_target_validation", "unstable_error_json",
                     "disable_pseudonymous_usage_analytics", "fetch_and_encode_input_files_before_inference"] {
            _ = reader.bool(flag)
        }
        _ = reader.string("bind_address")
        _ = reader.string("base_path")
        _ = reader.unsigned("global_outbound_http_intra_stream_read_timeout_ms")
        if var observability = reader.table("observability") {
            _ = observability.bool("enabled")
            observability.accept(observabilityFields)
            observability.rejectUnknownKeys(expected: observabilityFields)
        }
        reader.accept(fields)
        reader.rejectUnknownKeys(expected: fields)
        return gateway
    }
}
