import AsyncHTTPClient
import Foundation
import NIOCore

/// A live gateway's answer to one request.
struct LiveResponse: Sendable {
    var number: Int
    /// The HTTP status; 0 when no HTTP answer came.
    var status: Int
    /// `variant_name` of a success (of its chunks, when streamed).
    var variant: String?
    /// The text of a success's answer (its text blocks, joined; streamed ones too).
    var text: String?
    /// The error message the gateway answered with (or why no answer came, or why a streamed success broke off).
    var error: String?
    /// Monotonic uptime nanoseconds when the request was sent.
    var sent: Int64
    var latency: Int64
}

/// Sends a phase's requests to the live gateway's `POST /inference` at their scaled send times, letting them
/// overlap as on the simulated clock (at most `LiveOptions.maxInFlight` at once), and collects the answers; a
/// streaming send's requests ask for `"stream": true` and read the Server-Sent Events to their end.
struct LiveTraffic: Sendable {
    let schedule: LiveSchedule
    let options: LiveOptions
    /// How long one request may take before the client gives up.
    let timeout: TimeAmount

    /// The answers, by request number; request times count from `origin`.
    func send(to port: Int, client: HTTPClient, origin: NIODeadline) async -> [LiveResponse] {
        let url = "http://127.0.0.1:\(port)/inference"
        return await withTaskGroup(of: LiveResponse.self) { group in
            var responses: [LiveResponse] = []
            var inFlight = 0
            for request in schedule.requests {
                let due = origin + .nanoseconds(options.scaled(request.sendAt))
                let wait = due - NIODeadline.now()
                if wait > .zero { try? await Task.sleep(nanoseconds: UInt64(wait.nanoseconds)) }
                if inFlight == LiveOptions.maxInFlight, let done = await group.next() {
                    responses.append(done)
                    inFlight -= 1
                }
                let spec = schedule.sends[request.stream]
                let body = Self.body(spec, request)
                group.addTask {
                    await Self.post(body, streaming: spec.stream, number: request.number, to: url, client: client, timeout: timeout)
                }
                inFlight += 1
            }
            for await done in group { responses.append(done) }
            return responses.sorted { $0.number < $1.number }
        }
    }

    /// The `/inference` body: the send's target, pin, credentials and streaming, the simulated episode id, and the
    /// marker.
    static func body(_ spec: SendSpec, _ request: LiveSchedule.Request) -> [UInt8] {
        var body: [String: Any] = [
            "episode_id": request.episodeID.description,
            "input": ["messages": [["role": "user", "content": LiveRequestMarker.text(for: request.number)]]],
        ]
        switch spec.target.value {
        case .function(let name): body["function_name"] = name
        case .model(let name): body["model_name"] = name
        }
        if let variant = spec.pinnedVariant { body["variant_name"] = variant }
        if !spec.credentials.isEmpty { body["credentials"] = spec.credentials }
        if spec.stream { body["stream"] = true }
        return Array((try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data())
    }

    /// Sends one request; a streaming one's success must be a `text/event-stream` read to its `[DONE]`.
    private static func post(
        _ body: [UInt8], streaming: Bool, number: Int, to url: String, client: HTTPClient, timeout: TimeAmount
    ) async -> LiveResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let sent = NIODeadline.now()
        var answer = LiveResponse(number: number, status: 0, sent: Int64(sent.uptimeNanoseconds), latency: 0)
        do {
            let response = try await client.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 1 << 24)
            answer.status = Int(response.status.code)
            let contentType = response.headers.first(name: "content-type")
            if answer.status == 200, contentType == "text/event-stream" {
                let stream = LiveStreamAnswer(body: String(buffer: bytes))
                answer.variant = stream.variant
                answer.text = stream.text
                answer.error = stream.problem
            } else if answer.status == 200, streaming {
                answer.error = "the answer to a streaming request is `\(contentType ?? "no content type")`, not a stream"
            } else {
                let object = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes))) as? [String: Any]
                if answer.status == 200 {
                    answer.variant = object?["variant_name"] as? String
                    answer.text = (object?["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined()
                } else {
                    answer.error = object?["error"] as? String ?? String(buffer: bytes)
                }
            }
        } catch {
            answer.error = "no answer from the gateway: \(error)"
        }
        answer.latency = Int64((NIODeadline.now() - sent).nanoseconds)
        return answer
    }
}
