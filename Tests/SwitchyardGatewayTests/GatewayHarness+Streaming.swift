import AsyncHTTPClient
import Foundation
import NIOCore

/// A streamed answer: status, content type, and each event's `data` (`[DONE]` kept as text).
struct StreamedAnswer {
    var status: Int
    var contentType: String?
    var data: [String]
    /// Every event but `[DONE]`, parsed as JSON objects.
    var objects: [[String: Any]] {
        data.filter { $0 != "[DONE]" }.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:] }
    }
    /// The whole body, when it is not a stream (error answers).
    var body: [String: Any] { objects.first ?? [:] }
}

extension GatewayHarness {
    /// POSTs `json` to `path` and reads the whole answer, splitting a `text/event-stream` body into events.
    func postStream(_ path: String, _ json: String) async throws -> StreamedAnswer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(gatewayPort)\(path)")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await client.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let contentType = response.headers.first(name: "content-type")
        guard contentType == "text/event-stream" else {
            return StreamedAnswer(status: Int(response.status.code), contentType: contentType, data: [text])
        }
        let data = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { event in
            event.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }.joined(separator: "\n")
        }
        return StreamedAnswer(status: Int(response.status.code), contentType: contentType, data: data)
    }
}
