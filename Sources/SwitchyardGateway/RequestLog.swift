import Foundation
import Logging
import SwitchyardEngine

/// One log line per request (target, variant, model, provider, attempts, status, latency, credential
/// location; for a request every variant failed, the variants tried in order) and TensorZero's warning when a
/// fallback credential served. Never a secret.
enum RequestLog {
    static func record(_ result: InferenceResult, request: InferenceRequest, endpoint: String, logger: Logger) {
        if result.usedFallbackCredential, let provider = result.provider {
            logger.warning("Using fallback credential, as default credential for \(provider) is unavailable (serving from \(result.credential ?? "?"))")
        }
        // The line is built inside the log call's message closure, so a level that drops it costs nothing.
        if result.status == 200 {
            logger.info("\(line(result, request: request, endpoint: endpoint))")
        } else {
            logger.warning("\(line(result, request: request, endpoint: endpoint)) error=\(result.error?.message ?? "-")")
        }
    }

    private static func line(_ result: InferenceResult, request: InferenceRequest, endpoint: String) -> String {
        let target: String = switch request.target {
        case .function(let name): "function=\(name)"
        case .model(let name): "model_name=\(name)"
        }
        let latencyMs = Double(result.end - result.start) / 1_000_000
        var line = "\(endpoint) \(target) variant=\(result.variant ?? "-")"
        if result.variant == nil, case .allVariantsFailed(let failures)? = result.error {
            line += " tried=\(failures.map(\.variant).joined(separator: ","))"
        }
        line += " model=\(result.model ?? "-") provider=\(result.provider ?? "-")"
        line += " attempts=\(result.attemptCount) status=\(result.status) latency_ms=\(String(format: "%.1f", latencyMs))"
        if let credential = result.credential { line += " credential=\(credential)" }
        return line
    }
}
