import Foundation
import SwitchyardEngine
import Testing
@testable import SwitchyardGateway

/// Bedrock Converse tool blocks (the cloud harness covers the signed call itself).
@Suite struct BedrockToolWireTests {
    @Test func blocks() throws {
        #expect(JSONComparison.canonical(try BedrockToolWire.block(.toolCall(id: "t1", name: "get_weather", arguments: #"{"city":"Paris"}"#)))
            == #"{"toolUse":{"input":{"city":"Paris"},"name":"get_weather","toolUseId":"t1"}}"#)
        #expect(JSONComparison.canonical(try BedrockToolWire.block(.toolResult(id: "t1", name: "get_weather", result: "20C")))
            == #"{"toolResult":{"content":[{"text":"20C"}],"toolUseId":"t1"}}"#)
        #expect(throws: WireError.self) { try BedrockToolWire.block(.toolCall(id: "t1", name: "x", arguments: "not json")) }
    }

    @Test func toolUseAnswersKeepTheUpstreamMemberOrder() {
        let body = #"{"output":{"message":{"content":[{"text":"hi"},{"toolUse":{"toolUseId":"t9","name":"get_time","input":{"zone": "CET", "format": 24}}}]}}}"#
        let blocks: [[String: Any]] = [["text": "hi"], ["toolUse": ["toolUseId": "t9", "name": "get_time", "input": ["zone": "CET", "format": 24]]]]
        let calls = BedrockToolWire.toolCalls(blocks, rawInputs: RawJSONMembers.values(named: "input", in: Array(body.utf8)))
        #expect(calls == [ProviderToolCall(id: "t9", name: "get_time", arguments: #"{"zone":"CET","format":24}"#)])
    }

    @Test func rawMembersInDocumentOrder() {
        let text = #"{"a": {"input": {"b": [1, {"input": "x"}], "a": "}"}}, "input": true, "s": "\"input\": 1"}"#
        #expect(RawJSONMembers.values(named: "input", in: Array(text.utf8)) == [#"{"b":[1,{"input":"x"}],"a":"}"}"#, "true"])
        #expect(RawJSONMembers.values(named: "input", in: Array(#"{"input": "#.utf8)).isEmpty)
    }
}
