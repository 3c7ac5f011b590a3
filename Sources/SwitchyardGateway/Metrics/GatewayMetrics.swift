import CoreMetrics
import Prometheus
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// The gateway's metrics, recorded through swift-metrics into this gateway's own Prometheus registry and
/// served as Prometheus text at `GET /metrics`.
///
/// Labels are names from the plan (function, variant, model, provider), the endpoint, a status or an outcome
/// kind: never a credential value, credential location or dynamic credential key. Names a request makes up
/// (an unknown function or variant) are counted as `unknown`, so clients cannot grow the label sets.
final class GatewayMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    /// Label value for a function, variant, model or provider the plan does not have, or that a request never reached.
    static let unknown = "unknown"

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
            .seconds(30), .seconds(60),
        ]
        self.factory = factory
    }

    /// One finished request: `switchyard_requests_total`, `switchyard_request_duration_seconds`, and
    /// `switchyard_fallbacks_total` when it was served by a fallback (an attempt after a failed one, or a
    /// fallback credential).
    func recordRequest(_ result: InferenceResult, labels: RequestLabels, endpoint: String) {
        let variant = labels.variant(of: result)
        let served = [
            ("function", labels.function), ("variant", variant),
            ("model", result.model ?? Self.unknown), ("provider", result.provider ?? Self.unknown),
        ]
        CoreMetrics.Counter(label: "switchyard_requests_total", dimensions: [("endpoint", endpoint)] + served + [("status", String(result.status))], factory: factory)
            .increment()
        CoreMetrics.Timer(
            label: "switchyard_request_duration_seconds",
            dimensions: [("endpoint", endpoint), ("function", labels.function), ("variant", variant)], factory: factory
        ).recordNanoseconds(result.end - result.start)
        guard result.status == 200 else { return }
        if result.attemptCount > 1 {
            CoreMetrics.Counter(label: "switchyard_fallbacks_total", dimensions: served + [("kind", "after_failure")], factory: factory).increment()
        }
        if result.usedFallbackCredential {
            CoreMetrics.Counter(label: "switchyard_fallbacks_total", dimensions: served + [("kind", "credential")], factory: factory).increment()
        }
    }

    /// One upstream attempt: `switchyard_attempts_total`, `switchyard_attempt_duration_seconds`, and
    /// `switchyard_attempt_failures_total` by reason when it failed.
    func recordAttempt(_ attempt: ProviderAttempt, outcome: AttemptOutcome, duration: Nanoseconds, function: String) {
        // A credential that could not be used sent nothing to the provider: not an attempt.
        if case .credentialUnavailable = outcome { return }
        let dimensions = [("function", function), ("variant", attempt.variant), ("model", attempt.model), ("provider", attempt.provider.name)]
        CoreMetrics.Counter(label: "switchyard_attempts_total", dimensions: dimensions, factory: factory).increment()
        CoreMetrics.Timer(
            label: "switchyard_attempt_duration_seconds", dimensions: [("model", attempt.model), ("provider", attempt.provider.name)], factory: factory
        ).recordNanoseconds(duration)
        let reason: String
        switch outcome {
        case .success: return
        case .status(let status, _): reason = "status_\(status)"
        case .timedOut: reason = "timeout"
        case .connectionReset: reason = "connection"
        case .unparseableResponse: reason = "unparseable_response"
        case .credentialUnavailable: return
        }
        CoreMetrics.Counter(label: "switchyard_attempt_failures_total", dimensions: dimensions + [("reason", reason)], factory: factory).increment()
    }

    /// Every metric in Prometheus's text exposition format.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

/// The function and variant labels of one request, limited to names the plan has.
struct RequestLabels: Sendable {
    /// The function's name (`tensorzero::default` for `model_name` requests), or `unknown`.
    var function: String
    /// The function's plan; `nil` for a `model_name` request (whose variant is named after its model) and for
    /// an unknown function.
    private var plan: FunctionPlan?
    private var isModelRequest: Bool

    init(_ target: InferenceRequest.Target, plan: RoutingPlan) {
        switch target {
        case .function(let name):
            self.plan = plan.functions[name]
            function = self.plan == nil ? GatewayMetrics.unknown : name
            isModelRequest = false
        case .model:
            function = "tensorzero::default"
            self.plan = nil
            isModelRequest = true
        }
    }

    /// The label of the variant that served (or failed) `result`.
    func variant(of result: InferenceResult) -> String {
        if isModelRequest { return result.model ?? GatewayMetrics.unknown }
        guard let name = result.variant, plan?.variants[name] != nil else { return GatewayMetrics.unknown }
        return name
    }
}
