import Foundation
import SwitchyardPlan
import Testing

/// `"stream": true` through `google_ai_studio_gemini`, end to end against the loopback mock's
/// `streamGenerateContent` answers (shaped as TensorZero 2026.6.0 was seen to read them).
@Suite struct GeminiStreamingTests {
    static func config(upstreamPort port: Int) -> String {
        func gemini(_ model: String, _ providers: [String]) -> String {
            """
            [models.\(model)]
            routing = [\(providers.map { "\"\($0)\"" }.joined(separator: ", "))]

            """ + providers.map { provider in
                """
                [models.\(model).providers.\(provider)]
                type = "google_ai_studio_gemini"
                model_name = "gemini-test"
                api_key_location = "env::TEST_GOOGLE_KEY"

                """
            }.joined()
        }
        func function(_ name: String, model: String) -> String {
            """
            [functions.\(name)]
            type = "chat"

            [functions.\(name).variants.v]
            type = "chat_completion"
            model = "\(model)"

            """
        }
        return GatewayHarness.config(upstreamPort: port) + "\n" + [
            gemini("gemini", ["google"]), gemini("gemini_chain", ["overloaded", "serving"]), gemini("gemini_overloaded", ["overloaded"]),
            gemini("gemini_garbled", ["garbled"]), function("gemini_fn", model: "gemini"), function("gemini_chain_fn", model: "gemini_chain"),
            function("gemini_overloaded_fn", model: "gemini_overloaded"), function("gemini_garbled_fn", model: "gemini_garbled"),
        ].joined(separator: "\n")
    }

    /// The plan with every Gemini provider's endpoint on the mock: `overloaded` and `garbled` on their failing paths.
    static func onMock(_ plan: RoutingPlan, port: Int) -> RoutingPlan {
        var plan = plan
        for model in ["gemini", "gemini_chain", "gemini_overloaded", "gemini_garbled"] {
            for index in plan.models[model]!.routing.indices {
                let path = switch plan.models[model]!.routing[index].name {
                case "overloaded": "gemini-errorfirst"
                case "garbled": "gemini-garbled"
                default: "gemini"
                }
                plan.models[model]!.routing[index].endpoint = "http://127.0.0.1:\(port)/\(path)/v1beta/models/gemini-test"
            }
        }
        return plan
    }

    @Test func streamsTextDeltasThenTheFinalUsageAndFinishReason() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:), preparePlan: Self.onMock) { harness in
            let answer = try await harness.postStream("/inference", #"{"function_name": "gemini_fn", \#(StreamingInferenceTests.hello)}"#)
            #expect(answer.status == 200)
            #expect(answer.data.last == "[DONE]")
            let chunks = answer.objects
            #expect(StreamingInferenceTests.text(chunks) == "hello from gemini")
            #expect(chunks.count == 4, "three text deltas (the thought and the empty text send nothing) and the closing chunk")
            let blocks = chunks.dropLast().flatMap { $0["content"] as? [[String: Any]] ?? [] }
            #expect(blocks.allSatisfy { $0["type"] as? String == "text" && $0["id"] as? String == "0" })
            #expect(chunks.dropLast().allSatisfy { $0["usage"] == nil && $0["finish_reason"] == nil })
            let last = try #require(chunks.last)
            #expect((last["usage"] as? [String: Any])?["input_tokens"] as? Int == 9)
            #expect((last["usage"] as? [String: Any])?["output_tokens"] as? Int == 4)
            #expect(last["finish_reason"] as? String == "stop")
            let call = try #require(await harness.recorder.calls(under: "/gemini/").first)
            #expect(call.path == "/gemini/v1beta/models/gemini-test:streamGenerateContent")
            #expect(call.query == "alt=sse")
            #expect(call.headers["x-goog-api-key"] == "google-static")
            #expect(call.headers["accept"] == "text/event-stream")
            #expect(call.authorization == nil)
            #expect(call.body["stream"] == nil, "Gemini streams by its method, not a body field")
            #expect(((call.body["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]])?.first?["text"] as? String == "hi")
        }
    }

    @Test func anErrorObjectAsTheFirstEventFailsTheAttemptAndRoutingMovesOn() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:), preparePlan: Self.onMock) { harness in
            let messages = #""messages": [{"role": "user", "content": "hi"}], "stream": true"#
            let answer = try await harness.postStream(
                "/openai/v1/chat/completions", #"{"model": "tensorzero::function_name::gemini_chain_fn", \#(messages)}"#
            )
            #expect(answer.status == 200)
            let deltas = answer.objects.compactMap { (($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])?["content"] as? String }
            #expect(deltas.joined() == "hello from gemini")
            #expect(await harness.recorder.calls(under: "/gemini-errorfirst/").count == 1)
            #expect(await harness.recorder.calls(under: "/gemini/").count == 1)

            let failing = try await harness.postStream("/inference", #"{"function_name": "gemini_overloaded_fn", \#(StreamingInferenceTests.hello)}"#)
            #expect(failing.status == 502)
            let error = failing.body["error"] as? String ?? ""
            #expect(error.hasPrefix("All variants failed with errors: v: All model providers failed to infer with errors: overloaded:"), "\(error)")
            #expect(error.contains("Error parsing streaming JSON response: missing field `candidates`"), "\(error)")
        }
    }

    @Test func anUnreadableEventAfterTheStartIsAnErrorEventAndTheStreamGoesOn() async throws {
        try await GatewayHarness.run(config: Self.config(upstreamPort:), preparePlan: Self.onMock) { harness in
            let answer = try await harness.postStream("/inference", #"{"function_name": "gemini_garbled_fn", \#(StreamingInferenceTests.hello)}"#)
            #expect(answer.status == 200)
            #expect(answer.objects.compactMap { $0["error"] as? String }
                == ["Error from google_ai_studio_gemini server: Error parsing streaming JSON response: invalid JSON: {this is not json"])
            #expect(StreamingInferenceTests.text(answer.objects) == "hello from gemini")
            #expect(answer.objects.last?["finish_reason"] as? String == "stop")
            #expect(answer.data.last == "[DONE]")
        }
    }
}
