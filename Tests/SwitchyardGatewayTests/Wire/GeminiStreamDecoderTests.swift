import Testing
@testable import SwitchyardGateway

/// Google AI Studio's `streamGenerateContent` events in TensorZero's terms (as TensorZero 2026.6.0 reads them).
@Suite struct GeminiStreamDecoderTests {
    private func decode(_ data: String) -> StreamDecoding {
        var decoder = GeminiStreamDecoder()
        return decoder.decode(ServerSentEvent(event: nil, data: data))
    }

    private static func event(parts: String, finish: String? = nil, usage: String? = #"{"promptTokenCount":7,"candidatesTokenCount":2}"#) -> String {
        let reason = finish.map { #","finishReason":"\#($0)""# } ?? ""
        let metadata = usage.map { #","usageMetadata":\#($0)"# } ?? ""
        return #"{"candidates":[{"content":{"role":"model","parts":\#(parts)}\#(reason),"index":0}]\#(metadata),"modelVersion":"gemini-x"}"#
    }

    @Test func textPartsAreDeltasOfBlockZeroAndTheRunningUsageIsIgnored() {
        #expect(decode(Self.event(parts: #"[{"text":"Hel"},{"text":"lo"}]"#))
            == .chunk(StreamChunk(text: [.init(id: "0", text: "Hel"), .init(id: "0", text: "lo")])))
    }

    @Test func theFinishingEventCarriesUsageAndFinishReason() {
        #expect(decode(Self.event(parts: #"[{"text":" there"}]"#, finish: "STOP", usage: #"{"promptTokenCount":7,"candidatesTokenCount":3,"totalTokenCount":10}"#))
            == .chunk(StreamChunk(text: [.init(id: "0", text: " there")], inputTokens: 7, outputTokens: 3, finishReason: .stop)))
        #expect(decode(Self.event(parts: "[]", finish: "MAX_TOKENS", usage: nil)) == .chunk(StreamChunk(finishReason: .length)))
    }

    @Test func aBlockedAnswerHasNoContentAndMayLackOutputTokens() {
        #expect(decode(#"{"candidates":[{"finishReason":"SAFETY"}],"usageMetadata":{"promptTokenCount":4}}"#)
            == .chunk(StreamChunk(inputTokens: 4, finishReason: .contentFilter)))
    }

    @Test func emptyTextsAndThoughtsLeaveAnEmptyChunk() {
        #expect(decode(Self.event(parts: #"[{"text":""}]"#)) == .chunk(StreamChunk()))
        #expect(decode(Self.event(parts: #"[{"text":"hmm","thought":true},{"text":"answer"}]"#))
            == .chunk(StreamChunk(text: [.init(id: "0", text: "answer")])))
    }

    @Test func unreadableEventsUseTensorZerosMessages() {
        #expect(decode("not json") == .malformed("Error parsing streaming JSON response: invalid JSON: not json"))
        #expect(decode(#"{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}"#)
            == .malformed(#"Error parsing streaming JSON response: missing field `candidates`: {"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}"#))
        #expect(decode(#"{"candidates":[],"usageMetadata":{"promptTokenCount":1}}"#) == .malformed("Google AI Studio Gemini response has no candidates"))
    }
}
