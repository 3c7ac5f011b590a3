import Foundation
import Hummingbird
import NIOCore

/// Upstream routes that answer with tool calls and JSON, in the OpenAI, Anthropic and Gemini formats:
/// `/tools/...` calls tools (a valid call, one with arguments the schema rejects, one to an unknown tool; as a
/// stream when asked), `/json/...` answers `{"name":"Ann","age":3}` (through the forced `respond` tool when the
/// request forces it), `/json-bad/...` an answer the output schema rejects, `/anthropic-tools/...` and
/// `/gemini-tools/...` the Anthropic and Gemini equivalents.
enum MockToolUpstream {
    static let person = #"{"name":"Ann","age":3}"#

    static func addRoutes(to router: Router<BasicRequestContext>, recorder: UpstreamRecorder) {
        router.post("/tools/v1/chat/completions") { request, _ in
            let call = try await MockUpstream.record(request, recorder)
            if call.body["stream"] as? Bool == true { return toolStream(name: "get_weather", arguments: [#"{\"city\":"#, #"\"Paris\"}"#]) }
            return openAI(message: #"""
                {"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                 {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\"town\":\"Paris\"}"}},
                 {"id":"call_3","type":"function","function":{"name":"nope","arguments":"not json"}}]}
                """#, finish: "tool_calls")
        }
        router.post("/json/v1/chat/completions") { request, _ in
            let call = try await MockUpstream.record(request, recorder)
            let forced = ((call.body["tool_choice"] as? [String: Any])?["function"] as? [String: Any])?["name"] as? String
            if forced == "respond", call.body["stream"] as? Bool == true {
                return toolStream(name: "respond", arguments: [#"{\"name\":\"Ann\","#, #"\"age\":3}"#])
            }
            if forced == "respond" {
                return openAI(message: #"{"role":"assistant","content":null,"tool_calls":[{"id":"call_r","type":"function","function":{"name":"respond","arguments":"{\"name\":\"Ann\",\"age\":3}"}}]}"#, finish: "tool_calls")
            }
            return openAI(message: #"{"role":"assistant","content":"{\"name\":\"Ann\",\"age\":3}"}"#, finish: "stop")
        }
        router.post("/json-bad/v1/chat/completions") { request, _ in
            _ = try await MockUpstream.record(request, recorder)
            return openAI(message: #"{"role":"assistant","content":"{\"name\":\"Ann\",\"age\":-1}"}"#, finish: "stop")
        }
        router.post("/anthropic-tools/v1/messages") { request, _ in
            let call = try await MockUpstream.record(request, recorder)
            let messages = call.body["messages"] as? [[String: Any]] ?? []
            let content: String
            if messages.last?["role"] as? String == "assistant" {
                content = #"[{"type":"text","text":"\"name\":\"Ann\",\"age\":3}"}]"#
            } else if (call.body["tool_choice"] as? [String: Any])?["name"] as? String == "respond" {
                content = #"[{"type":"tool_use","id":"tu_r","name":"respond","input":{"name":"Ann","age":3}}]"#
            } else {
                content = #"[{"type":"text","text":"let me check"},{"type":"tool_use","id":"tu_1","name":"get_weather","input":{"city":"Paris"}}]"#
            }
            return reply(#"{"id":"msg_1","type":"message","role":"assistant","model":"claude-test","stop_reason":"tool_use","content":\#(content),"usage":{"input_tokens":7,"output_tokens":3}}"#)
        }
        router.post("/gemini-tools/v1beta/models/:call") { request, _ in
            _ = try await MockUpstream.record(request, recorder)
            return reply(#"""
                {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}]},
                 "finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":4}}
                """#)
        }
    }

    private static func openAI(message: String, finish: String) -> Response {
        reply(#"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":\#(message),"finish_reason":"\#(finish)"}],"usage":{"prompt_tokens":11,"completion_tokens":5,"total_tokens":16}}"#)
    }

    /// One tool call (`call_1`) streamed as its id and name with empty arguments, then `arguments` (JSON-escaped
    /// pieces) one delta each, then the finish reason and usage.
    private static func toolStream(name: String, arguments: [String]) -> Response {
        let start = #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"\#(name)","arguments":""}}]},"finish_reason":null}]}"#
        let pieces = arguments.map { #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\#($0)"}}]},"finish_reason":null}]}"# }
        let chunks = [start] + pieces + [
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
            #"{"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":5,"total_tokens":16}}"#,
            "[DONE]",
        ]
        let text = chunks.map { "data: \($0)\n\n" }.joined()
        return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func reply(_ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
