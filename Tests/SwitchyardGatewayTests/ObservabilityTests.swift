import AsyncHTTPClient
import Foundation
import Testing

/// `GET /metrics` and the request log after real requests through the gateway: counters per function,
/// variant, model and provider, latency histograms, one log line per request, the fallback-credential
/// warning, and no secret anywhere.
@Suite struct ObservabilityTests {
    static func config(upstreamPort port: Int) -> String {
        GatewayHarness.config(upstreamPort: port) + """

            [models.fallback_key_model]
            routing = ["keyed"]

            [models.fallback_key_model.providers.keyed]
            type = "openai"
            api_base = "http://127.0.0.1:\(port)/ok/v1/"
            model_name = "keyed-wire"
            api_key_location = { default = "dynamic::tenant_key", fallback = "env::TEST_OPENAI_KEY" }

            [functions.fallback_key_fn]
            type = "chat"

            [functions.fallback_key_fn.variants.v]
            type = "chat_completion"
            model = "fallback_key_model"

            """
    }

    static let input = #""input": {"messages": [{"role": "user", "content": "hi"}]}"#
    static let secrets = ["sk-static-openai", "sk-dynamic-secret", "customer_key", "tenant_key"]

    /// Sends the requests every test here inspects.
    static func sendTraffic(_ harness: GatewayHarness) async throws {
        for _ in 0..<2 { _ = try await harness.post("/inference", #"{"function_name": "chat_fn", \#(input)}"#) }
        _ = try await harness.post("/inference", #"{"function_name": "fallback_fn", \#(input)}"#)
        _ = try await harness.post("/inference", #"{"function_name": "failing_fn", \#(input)}"#)
        _ = try await harness.post("/inference", #"{"function_name": "dynamic_fn", "credentials": {"customer_key": "sk-dynamic-secret"}, \#(input)}"#)
        _ = try await harness.post("/inference", #"{"function_name": "fallback_key_fn", \#(input)}"#)
        _ = try await harness.post("/inference", #"{"function_name": "no_such_fn", \#(input)}"#)
        _ = try await harness.post("/openai/v1/chat/completions", #"{"model": "tensorzero::model_name::ok_model", "messages": [{"role": "user", "content": "hi"}]}"#)
    }

    static let requestCount = 8

    @Test func metricsCountRequestsAttemptsFailuresAndFallbacks() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:)) { harness in
            try await Self.sendTraffic(harness)
            let response = try await harness.client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(harness.gatewayPort)/metrics"), timeout: .seconds(10))
            #expect(response.status.code == 200)
            #expect(response.headers.first(name: "content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            let samples = PrometheusSamples(text)

            #expect(samples.value("switchyard_requests_total", ["function": "chat_fn", "variant": "chat_fn_variant", "model": "ok_model",
                                                               "provider": "primary", "status": "200", "endpoint": "/inference"]) == 2)
            #expect(samples.value("switchyard_requests_total", ["function": "failing_fn", "status": "502"]) == 1)
            #expect(samples.value("switchyard_requests_total", ["function": "unknown", "variant": "unknown", "status": "404"]) == 1)
            #expect(samples.value("switchyard_requests_total", ["function": "tensorzero::default", "variant": "ok_model",
                                                               "endpoint": "/openai/v1/chat/completions"]) == 1)
            #expect(samples.sum("switchyard_requests_total") == Double(Self.requestCount))

            #expect(samples.value("switchyard_attempts_total", ["function": "fallback_fn", "model": "fallback_model", "provider": "broken"]) == 1)
            #expect(samples.value("switchyard_attempts_total", ["function": "fallback_fn", "model": "fallback_model", "provider": "backup"]) == 1)
            #expect(samples.value("switchyard_attempt_failures_total", ["function": "fallback_fn", "provider": "broken", "reason": "status_500"]) == 1)
            #expect(samples.value("switchyard_attempt_failures_total", ["function": "failing_fn", "provider": "broken", "reason": "status_500"]) == 1)
            #expect(samples.sum("switchyard_attempts_total") == 8)

            #expect(samples.value("switchyard_fallbacks_total", ["function": "fallback_fn", "provider": "backup", "kind": "after_failure"]) == 1)
            #expect(samples.value("switchyard_fallbacks_total", ["function": "fallback_key_fn", "provider": "keyed", "kind": "credential"]) == 1)

            #expect(samples.value("switchyard_request_duration_seconds_count", ["function": "chat_fn", "variant": "chat_fn_variant"]) == 2)
            #expect(samples.value("switchyard_request_duration_seconds_bucket", ["function": "chat_fn", "le": "+Inf"]) == 2)
            #expect(samples.value("switchyard_attempt_duration_seconds_count", ["model": "fallback_model", "provider": "broken"]) == 1)
            for secret in Self.secrets { #expect(!text.contains(secret), "metrics mention \(secret)") }
        }
    }

    @Test func oneLogLinePerRequestTheFallbackWarningAndNoSecret() async throws {
        let capture = LogCapture()
        try await GatewayHarness.run(config: Self.config(upstreamPort:), logger: capture.logger()) { harness in
            try await Self.sendTraffic(harness)
        }
        let requestLines = capture.lines.filter { $0.message.hasPrefix("/inference ") || $0.message.hasPrefix("/openai/v1/chat/completions ") }
        #expect(requestLines.count == Self.requestCount)
        #expect(requestLines.contains {
            $0.level == .info && $0.message.contains("function=chat_fn variant=chat_fn_variant model=ok_model provider=primary attempts=1 status=200")
        })
        #expect(requestLines.contains {
            $0.level == .warning && $0.message.contains("function=failing_fn variant=- tried=failing_fn_variant model=- provider=-")
                && $0.message.contains("status=502")
        })
        let fallbackWarnings = capture.lines.filter { $0.message.hasPrefix("Using fallback credential") }
        #expect(fallbackWarnings.count == 1)
        #expect(fallbackWarnings.first?.level == .warning)
        #expect(fallbackWarnings.first?.message.contains("env::TEST_OPENAI_KEY") == true)
        for line in capture.lines {
            for secret in Self.secrets.filter({ $0.hasPrefix("sk-") }) { #expect(!line.message.contains(secret), "log line mentions \(secret): \(line.message)") }
        }
    }
}

/// The samples of a Prometheus text exposition, looked up by name and a subset of labels.
struct PrometheusSamples {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample] = []

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                samples.append(Sample(name: String(series), labels: [:], value: value))
                continue
            }
            var labels: [String: String] = [:]
            for pair in series[series.index(after: brace)..<series.index(before: series.endIndex)].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
            }
            samples.append(Sample(name: String(series[..<brace]), labels: labels, value: value))
        }
    }

    /// The sum of the samples called `name` whose labels include `labels`; `nil` when there is none.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        let matching = samples.filter { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }
        return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.value }
    }

    func sum(_ name: String) -> Double { value(name, [:]) ?? 0 }
}
