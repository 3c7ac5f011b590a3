import Foundation
import Testing

/// `"stream": true` on `POST /inference`, end to end: TensorZero's chunk shapes, routing until the first chunk,
/// errors and timeouts after it.
@Suite struct StreamingInferenceTests {
    static let hello = #""stream": true, "input": {"system": "be brief", "messages": [{"role": "user", "content": "hi"}]}"#

    /// The text of every content block of every chunk, in order.
    static func text(_ chunks: [[String: Any]]) -> String {
        chunks.flatMap { $0["content"] as? [[String: Any]] ?? [] }.compactMap { $0["text"] as? String }.joined()
    }

    @Test func streamsTextChunksThenUsageAndFinishReasonThenDone() async throws {
        try await GatewayHarness.run { harness in
            let answer = try await harness.postStream("/inference", #"{"function_name": "chat_fn", \#(Self.hello)}"#)
            #expect(answer.status == 200)
            #expect(answer.contentType == "text/event-stream")
            #expect(answer.data.last == "[DONE]")
            let chunks = answer.objects
            #expect(Self.text(chunks) == "hello from primary-wire")
            #expect(chunks.count == 5, "four deltas and the closing chunk")
            for chunk in chunks {
                #expect(chunk["variant_name"] as? String == "chat_fn_variant")
                #expect((chunk["inference_id"] as? String)?.count == 36)
                #expect(chunk["episode_id"] as? String == chunks[0]["episode_id"] as? String)
            }
            let blocks = chunks.dropLast().flatMap { $0["content"] as? [[String: Any]] ?? [] }
            #expect(blocks.allSatisfy { $0["type"] as? String == "text" && $0["id"] as? String == "0" })
            #expect(chunks.dropLast().allSatisfy { $0["usage"] == nil && $0["finish_reason"] == nil })
            let last = try #require(chunks.last)
            #expect((last["content"] as? [Any])?.isEmpty == true)
            #expect((last["usage"] as? [String: Any])?["input_tokens"] as? Int == 11)
            #expect((last["usage"] as? [String: Any])?["output_tokens"] as? Int == 5)
            #expect(last["finish_reason"] as? String == "length")
            let call = try #require(await harness.recorder.calls(under: "/ok/").first)
            #expect(call.body["stream"] as? Bool == true)
            #expect((call.body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
            #expect(call.authorization == "Bearer sk-static-openai")
        }
    }

    @Test func failuresBeforeTheFirstChunkFallBackToTheNextProvider() async throws {
        try await GatewayHarness.run { harness in
            let clock = ContinuousClock()
            let started = clock.now
            let answer = try await harness.postStream("/inference", #"{"function_name": "slowstart_fn", \#(Self.hello)}"#)
            #expect(clock.now - started < .milliseconds(1_800), "the 300 ms ttft_ms bound cut the slow provider short")
            #expect(answer.status == 200)
            #expect(Self.text(answer.objects) == "hello from backup-wire")
            #expect(await harness.recorder.calls(under: "/slowstart/").count == 1)
            #expect(await harness.recorder.calls(under: "/errorfirst/").count == 1, "an error as the first event is an attempt failure")
            #expect(await harness.recorder.calls(under: "/ok/").count == 1)
        }
    }

    @Test func anUnreadableEventAfterTheStartIsAnErrorEventAndTheStreamGoesOn() async throws {
        try await GatewayHarness.run { harness in
            let answer = try await harness.postStream("/inference", #"{"function_name": "garbled_fn", \#(Self.hello)}"#)
            #expect(answer.status == 200)
            let errors = answer.objects.compactMap { $0["error"] as? String }
            #expect(errors == ["Error from openai server: Error parsing chunk. Error: invalid JSON: {this is not json"])
            #expect(Self.text(answer.objects) == "hello from garbled-wire")
            #expect(answer.data.last == "[DONE]")
        }
    }

    @Test func streamingTotalMsStillAppliesAfterTheFirstChunk() async throws {
        try await GatewayHarness.run { harness in
            let clock = ContinuousClock()
            let started = clock.now
            let answer = try await harness.postStream("/inference", #"{"function_name": "drip_fn", \#(Self.hello)}"#)
            // The 1.5 s bound cuts the 3 s pause: the answer comes before the pause ends. (The bound leaves a loaded
            // machine time to deliver the first chunk; the message below proves which timeout ended the stream.)
            #expect(clock.now - started < .milliseconds(2900))
            #expect(answer.status == 200)
            let chunks = answer.objects
            #expect(Self.text(chunks) == "hello ")
            #expect(chunks.compactMap { $0["error"] as? String }
                == ["Model provider drip timed out due to configured `streaming.total_ms` timeout (1.5s)"])
            let last = try #require(chunks.last)
            #expect((last["usage"] as? [String: Any])?["input_tokens"] is NSNull)
            #expect(last["finish_reason"] == nil)
            #expect(answer.data.last == "[DONE]")
        }
    }

    @Test func errorsBeforeTheStreamAreOrdinaryJSONErrors() async throws {
        try await GatewayHarness.run { harness in
            let unknown = try await harness.postStream("/inference", #"{"function_name": "nope", \#(Self.hello)}"#)
            #expect(unknown.status == 404)
            #expect(unknown.contentType == "application/json")
            #expect(unknown.body["error"] as? String == "Unknown function: nope")
            let failing = try await harness.postStream("/inference", #"{"function_name": "failing_fn", \#(Self.hello)}"#)
            #expect(failing.status == 502)
            #expect((failing.body["error"] as? String)?.hasPrefix("All variants failed with errors: failing_fn_variant:") == true)
            let missingKey = try await harness.postStream("/inference", #"{"function_name": "dynamic_fn", \#(Self.hello)}"#)
            #expect(missingKey.status == 502)
            #expect(await harness.recorder.calls(under: "/ok/").isEmpty)
        }
    }

    @Test func anthropicMessagesStream() async throws {
        try await GatewayHarness.run { harness in
            let answer = try await harness.postStream("/inference", #"{"function_name": "claude_fn", \#(Self.hello)}"#)
            #expect(answer.status == 200)
            #expect(Self.text(answer.objects) == "hello from claude")
            let last = try #require(answer.objects.last)
            #expect((last["usage"] as? [String: Any])?["input_tokens"] as? Int == 7)
            #expect((last["usage"] as? [String: Any])?["output_tokens"] as? Int == 3)
            #expect(last["finish_reason"] as? String == "stop")
            let call = try #require(await harness.recorder.calls(under: "/anthropic/").first)
            #expect(call.body["stream"] as? Bool == true)
            #expect(call.xAPIKey == "sk-static-anthropic")

            let overloaded = try await harness.postStream("/inference", #"{"function_name": "overloaded_fn", \#(Self.hello)}"#)
            #expect(overloaded.status == 200)
            #expect(overloaded.objects.compactMap { $0["error"] as? String }
                == [#"Error from anthropic server: {"message":"Overloaded","type":"overloaded_error"}"#])
            #expect(overloaded.data.last == "[DONE]")
        }
    }

    @Test func openAIEndpointStreamsChatCompletionChunks() async throws {
        try await GatewayHarness.run { harness in
            let messages = #""messages": [{"role": "user", "content": "hi"}], "stream": true"#
            let answer = try await harness.postStream(
                "/openai/v1/chat/completions",
                #"{"model": "tensorzero::function_name::chat_fn", \#(messages), "stream_options": {"include_usage": true}}"#
            )
            #expect(answer.status == 200)
            #expect(answer.data.last == "[DONE]")
            let chunks = answer.objects
            #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
            #expect(chunks.allSatisfy { $0["model"] as? String == "tensorzero::function_name::chat_fn::variant_name::chat_fn_variant" })
            let choices = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first }
            let deltas = choices.compactMap { $0["delta"] as? [String: Any] }
            #expect(deltas.compactMap { $0["content"] as? String }.joined() == "hello from primary-wire")
            #expect(deltas.first?["role"] as? String == "assistant")
            #expect(deltas.dropFirst().allSatisfy { $0["role"] == nil })
            #expect(choices.last?["finish_reason"] as? String == "length")
            #expect(choices.dropLast().allSatisfy { $0["finish_reason"] is NSNull })
            let usage = chunks.last?["usage"] as? [String: Any]
            #expect(usage?["prompt_tokens"] as? Int == 11)
            #expect(usage?["completion_tokens"] as? Int == 5)
            #expect(usage?["total_tokens"] as? Int == 16)
            #expect(chunks.dropLast().allSatisfy { $0["usage"] is NSNull })

            let withoutUsage = try await harness.postStream("/openai/v1/chat/completions", #"{"model": "tensorzero::model_name::ok_model", \#(messages)}"#)
            #expect(withoutUsage.objects.allSatisfy { $0["usage"] is NSNull })
            #expect(withoutUsage.objects.last?["model"] as? String == "tensorzero::model_name::ok_model")

            let garbled = try await harness.postStream("/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::garbled_fn", \#(messages)}"#)
            #expect(garbled.objects.compactMap { ($0["error"] as? [String: Any])?["message"] as? String }
                == ["Error from openai server: Error parsing chunk. Error: invalid JSON: {this is not json"])

            let unknown = try await harness.postStream("/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::nope", \#(messages)}"#)
            #expect(unknown.status == 404)
            #expect((unknown.body["error"] as? [String: Any])?["message"] as? String == "Unknown function: nope")
        }
    }
}
