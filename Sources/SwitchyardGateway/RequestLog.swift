import Foundation
import Logging
import SwitchyardEngine

/// One log line per request (target, variant, model, provider, attempts, status, latency, credential
/// location) and TensorZero's warning when a fallback credential served. Never a secret.
enum RequestLog {
    static func record(_ result: InferenceResult, request: InferenceRequest, endpoint: String, logger: Logger) {
        let target: String = switch request.target {
        case .function(let name): "function=\(name)"
        case .model(let name): "model_name=\(name)"
        }
        if result.usedFallbackCredential, let provider = result.provider {
            logger.warning("Using fallback credential, as default credential for \(provider) is unavailable (serving from \(result.credential ?? "?"))")
        }
        let latencyMs = Double(result.end - result.start) / 1_000_000
        var line = "\(endpoint) \(target) variant=\(result.variant ?? "-") model=\(result.model ?? "-") provider=\(result.provider ?? "-")"
        line += " attempts=\(result.attemptCount) status=\(result.status) latency_ms=\(String(format: "%.1f", latencyMs))"
        if let credential = result.credential { line += " credential=\(credential)" }
        if result.status == 200 {
            logger.info("\(line)")
        } else {
            logger.warning("\(line) error=\(result.error?.message ?? "-")")
        }
    }
}
