import Testing
@testable import SwitchyardGateway

/// The event-stream format, however the bytes are split.
@Suite struct ServerSentEventParserTests {
    private func events(_ text: String, splitEvery size: Int) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: size).flatMap { parser.feed(bytes[$0..<min($0 + size, bytes.count)]) }
    }

    @Test(arguments: [1, 3, 1000])
    func splitsEventsWhateverTheChunking(size: Int) {
        let text = "event: message_start\ndata: {\"a\":1}\n\n: keep-alive comment\n\ndata: one\ndata: two\n\ndata:[DONE]\n\n"
        #expect(events(text, splitEvery: size) == [
            ServerSentEvent(event: "message_start", data: #"{"a":1}"#),
            ServerSentEvent(event: nil, data: "one\ntwo"),
            ServerSentEvent(event: nil, data: "[DONE]"),
        ])
    }

    @Test func acceptsCRLFAndCRLineEnds() {
        #expect(events("data: a\r\n\r\ndata: b\r\rdata: c\n\n", splitEvery: 1) == [
            ServerSentEvent(event: nil, data: "a"), ServerSentEvent(event: nil, data: "b"), ServerSentEvent(event: nil, data: "c"),
        ])
    }

    @Test func dropsEventsWithoutDataAndUnfinishedEvents() {
        #expect(events("event: ping\n\nid: 3\n\ndata: unfinished", splitEvery: 4).isEmpty)
    }

    @Test func keepsAnEmptyDataLineAndOnlyOneLeadingSpace() {
        #expect(events("data:\n\ndata:  two spaces\n\n", splitEvery: 2) == [
            ServerSentEvent(event: nil, data: ""), ServerSentEvent(event: nil, data: " two spaces"),
        ])
    }
}
