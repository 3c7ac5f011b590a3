import Foundation
import Testing

/// `POST /inference` with template arguments: the gateway parses `system` objects, `template`, legacy `text`
/// `arguments` and `raw_text` blocks, and the engine renders them before the wire adapter.
@Suite struct TemplatedInferenceTests {
    /// A function whose one variant has a schema'd system template, a legacy user template and a named one.
    static func config(folder: String) -> @Sendable (Int) -> String {
        { port in
            GatewayHarness.config(upstreamPort: port) + """

                [functions.templated]
                type = "chat"
                system_schema = "\(folder)/system.json"

                [functions.templated.variants.only]
                type = "chat_completion"
                model = "ok_model"
                system_template = "\(folder)/system.minijinja"
                user_template = "\(folder)/user.minijinja"
                templates.card.path = "\(folder)/card.minijinja"
                """
        }
    }

    static func withTemplates(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = [
            "system.json": #"{"type": "object", "properties": {"persona": {"type": "string"}, "rules": {"type": "array"}}}"#,
            "system.minijinja": "You are {{ persona }}.\n{% for rule in rules %}{{ loop.index }}. {{ rule }}\n{% endfor %}",
            "user.minijinja": "Q: {{ user_text }}",
            "card.minijinja": "{{ item.name|title }} costs {{ item.price }}",
        ]
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
        try await body(folder)
    }

    @Test func rendersEveryKindOfInputBeforeTheUpstreamCall() async throws {
        try await Self.withTemplates { folder in
            try await GatewayHarness.run(config: Self.config(folder: folder)) { harness in
                let request = #"""
                    {"function_name": "templated", "input": {
                      "system": {"persona": "a pirate", "rules": ["be brief", "say arr"]},
                      "messages": [
                        {"role": "user", "content": [
                          {"type": "text", "text": "where?"},
                          {"type": "template", "name": "card", "arguments": {"item": {"name": "gold coin", "price": 2.0}}},
                          {"type": "raw_text", "value": "{{ kept }}"}
                        ]},
                        {"role": "assistant", "content": "aye"}
                      ]}}
                    """#
                let (status, body) = try await harness.post("/inference", request)
                #expect(status == 200, "\(body)")
                let messages = await harness.recorder.calls(under: "/ok/").first?.body["messages"] as? [[String: Any]]
                #expect(messages?.first?["content"] as? String == "You are a pirate.\n1. be brief\n2. say arr\n")
                let parts = (messages?[1]["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
                #expect(parts == ["Q: where?", "Gold Coin costs 2.0", "{{ kept }}"])
                #expect(messages?.last?["content"] as? String == "aye")
            }
        }
    }

    @Test func templateErrorsAnswerAsTensorZeroDoes() async throws {
        try await Self.withTemplates { folder in
            try await GatewayHarness.run(config: Self.config(folder: folder)) { harness in
                let unknown = #"{"function_name": "templated", "input": {"system": {"persona": "x", "rules": []}, "messages": [{"role": "user", "content": [{"type": "template", "name": "nope", "arguments": {}}]}]}}"#
                let (unknownStatus, unknownBody) = try await harness.post("/inference", unknown)
                #expect(unknownStatus == 400)
                #expect(unknownBody["error"] as? String == "Message at index 0 has non-string content but there is no template `nope` in any variant")
                let missing = #"{"function_name": "templated", "input": {"system": {"persona": "x"}, "messages": []}}"#
                let (missingStatus, missingBody) = try await harness.post("/inference", missing)
                #expect(missingStatus == 502)
                #expect((missingBody["error"] as? String)?.hasSuffix("Could not render template: undefined value (in \(folder)/system.minijinja:2)") == true, "\(missingBody)")
                let noSystem = #"{"function_name": "templated", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#
                let (noSystemStatus, noSystemBody) = try await harness.post("/inference", noSystem)
                #expect(noSystemStatus == 400)
                #expect(noSystemBody["error"] as? String == "`input.system` is empty but a system template is present.")
                #expect(await harness.recorder.calls.isEmpty)
            }
        }
    }

    @Test func theOpenAICompatibleEndpointTakesArgumentsAndTemplateParts() async throws {
        try await Self.withTemplates { folder in
            try await GatewayHarness.run(config: Self.config(folder: folder)) { harness in
                let request = #"""
                    {"model": "tensorzero::function_name::templated", "messages": [
                      {"role": "system", "content": [{"type": "text", "tensorzero::arguments": {"persona": "a poet", "rules": []}}]},
                      {"role": "user", "content": [
                        {"type": "text", "text": "why?"},
                        {"type": "tensorzero::template", "name": "card", "arguments": {"item": {"name": "ink", "price": 3}}}
                      ]}
                    ]}
                    """#
                let (status, body) = try await harness.post("/openai/v1/chat/completions", request)
                #expect(status == 200, "\(body)")
                let messages = await harness.recorder.calls(under: "/ok/").first?.body["messages"] as? [[String: Any]]
                #expect(messages?.first?["content"] as? String == "You are a poet.\n")
                let parts = (messages?.last?["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
                #expect(parts == ["Q: why?", "Ink costs 3"])
                let mixed = #"{"model": "tensorzero::function_name::templated", "messages": [{"role": "system", "content": [{"type": "text", "tensorzero::arguments": {"persona": "x"}}, {"type": "text", "text": "more"}]}]}"#
                let (mixedStatus, mixedBody) = try await harness.post("/openai/v1/chat/completions", mixed)
                #expect(mixedStatus == 400)
                #expect((mixedBody["error"] as? [String: Any])?["message"] as? String
                    == "Invalid request to OpenAI-compatible endpoint: Cannot add text after template system message")
            }
        }
    }
}
