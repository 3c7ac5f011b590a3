import Foundation
import Testing
import SwitchyardEngine
@testable import SwitchyardGateway

/// The chunk objects each endpoint writes.
@Suite struct StreamChunkFormatTests {
    let inference = EpisodeID(string: "01a21f99-66aa-75f1-a004-16cd96398ca2")!
    let episode = EpisodeID(string: "01a21f99-66aa-75f1-a004-16d1d0443481")!
    let hello = StreamChunk(text: [.init(id: "0", text: "Hel")])
    let summary = StreamSummary(inputTokens: 11, outputTokens: 5, finishReason: .stop)

    @Test func inferenceChatChunks() throws {
        var format = InferenceStreamChunks(inferenceID: inference, episodeID: episode, variant: "v", kind: .chat)
        let content = format.content(hello)
        let chunk = try #require(content)
        #expect(chunk["inference_id"] as? String == inference.description)
        #expect(chunk["episode_id"] as? String == episode.description)
        #expect(chunk["variant_name"] as? String == "v")
        #expect(chunk["content"] as? [[String: String]] == [["type": "text", "id": "0", "text": "Hel"]])
        #expect(chunk["usage"] == nil)
        let empty = format.content(StreamChunk(inputTokens: 3))
        #expect(empty == nil, "a chunk without content is not forwarded")
        let final = format.final(summary)
        #expect((final["content"] as? [Any])?.isEmpty == true)
        #expect(final["usage"] as? [String: Int] == ["input_tokens": 11, "output_tokens": 5])
        #expect(final["finish_reason"] as? String == "stop")
        #expect(format.final(StreamSummary())["finish_reason"] == nil)
        #expect(format.error("boom") as? [String: String] == ["error": "boom"])
    }

    @Test func inferenceJSONChunksCarryRawText() {
        var format = InferenceStreamChunks(inferenceID: inference, episodeID: episode, variant: "v", kind: .json)
        let raw = format.content(hello)
        #expect(raw?["raw"] as? String == "Hel")
        let empty = format.content(StreamChunk(text: [.init(id: "0", text: "")]))
        #expect(empty == nil)
        let final = format.final(summary)
        #expect(final["raw"] as? String == "")
        #expect(final["content"] == nil)
    }

    @Test func openAIChunksNameTheRoleOnceAndCloseWithFinishReasonAndUsage() throws {
        var format = OpenAIStreamChunks(inferenceID: inference, episodeID: episode, model: "tensorzero::model_name::m", created: 7,
                                        kind: .chat, includeUsage: true)
        func delta(_ object: [String: Any]?) -> [String: String]? {
            ((object?["choices"] as? [[String: Any]])?.first?["delta"]) as? [String: String]
        }
        let first = format.content(StreamChunk(text: [.init(id: "0", text: "")]))
        #expect(delta(first) == ["role": "assistant", "content": ""])
        #expect(first?["object"] as? String == "chat.completion.chunk")
        #expect(first?["id"] as? String == inference.description)
        #expect(first?["usage"] is NSNull)
        let second = format.content(hello)
        #expect(delta(second) == ["content": "Hel"])
        let final = format.final(StreamSummary(inputTokens: 11, outputTokens: 5, finishReason: .length))
        #expect(delta(final) == [:])
        #expect((final["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String == "length")
        let usage = try #require(final["usage"] as? [String: Any])
        #expect(usage["prompt_tokens"] as? Int == 11)
        #expect(usage["total_tokens"] as? Int == 16)
        #expect(usage["tensorzero_cost"] is NSNull)
        let unknown = try #require(format.final(StreamSummary())["usage"] as? [String: Any])
        #expect(unknown.keys.sorted() == ["tensorzero_cost"], "unknown counts are left out, as TensorZero does")
        #expect((format.error("boom")["error"] as? [String: String]) == ["message": "boom"])
    }

    @Test func openAIUsageIsNullUnlessAskedFor() {
        let format = OpenAIStreamChunks(inferenceID: inference, episodeID: episode, model: "m", created: 7, kind: .json, includeUsage: false)
        let final = format.final(summary)
        #expect(final["usage"] is NSNull)
        #expect(((final["choices"] as? [[String: Any]])?.first?["delta"]) as? [String: String] == ["content": ""])
    }

    @Test func theSummaryKeepsTheLatestCounts() {
        var summary = StreamSummary()
        summary.add(StreamChunk(inputTokens: 7, outputTokens: 1))
        summary.add(StreamChunk(text: [.init(id: "0", text: "x")]))
        summary.add(StreamChunk(outputTokens: 3, finishReason: .stop))
        #expect(summary == StreamSummary(inputTokens: 7, outputTokens: 3, finishReason: .stop))
    }
}
