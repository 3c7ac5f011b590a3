import SwitchyardEngine
import NIOCore

/// Google AI Studio's Gemini API answers (`generateContent`, `streamGenerateContent?alt=sse`).
struct GeminiMockFormat: MockWireFormat {
    func success(model: String?, response answer: ProviderResponse) -> [String: Any] {
        response(text: answer.text, finished: true, model: model, answer: answer)
    }

    /// Two `GenerateContentResponse` events: the text with the running usage, then the finish reason with the
    /// final usage. The stream has no end marker.
    func streamedSuccess(model: String?, response answer: ProviderResponse) -> [MockStreamEvent] {
        [
            MockStreamEvent(data: line(response(text: answer.text, finished: false, model: model, answer: answer))),
            MockStreamEvent(data: line(response(text: "", finished: true, model: model, answer: answer))),
        ]
    }

    /// Google's error object, with the status name its API gives each HTTP status (a revoked key is a 401 like
    /// every other format's, so its name follows from the status).
    func error(status: Int, message: String, revoked: Bool) -> [String: Any] {
        let name = switch status {
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 429: "RESOURCE_EXHAUSTED"
        case 503: "UNAVAILABLE"
        case 504: "DEADLINE_EXCEEDED"
        default: status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT"
        }
        return ["error": ["code": status, "message": message, "status": name]]
    }

    /// Gemini streams by method: `…:streamGenerateContent`.
    func asksToStream(path: Substring, body: ByteBuffer) -> Bool { path.contains(":streamGenerateContent") }

    private func response(text: String, finished: Bool, model: String?, answer: ProviderResponse) -> [String: Any] {
        let output = finished ? answer.outputTokens ?? 0 : 1
        var candidate: [String: Any] = ["content": ["role": "model", "parts": [["text": text]]], "index": 0]
        if finished { candidate["finishReason"] = "STOP" }
        return [
            "candidates": [candidate], "modelVersion": model ?? "mock",
            "usageMetadata": ["promptTokenCount": answer.inputTokens ?? 0, "candidatesTokenCount": output, "totalTokenCount": (answer.inputTokens ?? 0) + output],
        ]
    }
}
