@testable import SwitchyardGateway
import XCTest

/// Mutated request bodies through what the gateway does before the engine runs (the nesting limit, then the
/// endpoint's parser): every input is a parsed request or a 4xx `GatewayError`, never a crash or a hang.
final class RequestDecodingFuzzTests: XCTestCase {
    func testMutatedInferenceRequestsYield4xxNeverACrash() throws {
        try fuzz("/inference parser", corpus: "inference", parse: InferenceRequestParser.parse)
    }

    func testMutatedOpenAIRequestsYield4xxNeverACrash() throws {
        try fuzz("OpenAI-compatible parser", corpus: "openai", parse: OpenAIRequestParser.parse)
    }

    private func fuzz(_ name: String, corpus: String, parse: ([UInt8], RequestLimits) throws -> ParsedInference) throws {
        let limits = RequestLimits.standard
        let executions = try FuzzCampaign(name: name, corpusFolder: corpus, mutator: .json, count: 5_000).run { bytes in
            do {
                try limits.checkBody(length: bytes.count)
                try limits.checkJSONDepth(bytes)
                _ = try parse(bytes, limits)
                return nil
            } catch let error as GatewayError {
                if !(400..<500).contains(error.status) { return "status \(error.status): \(error.message)" }
                return error.message.isEmpty ? "a \(error.status) without a message" : nil
            } catch {
                return "not a GatewayError: \(error)"
            }
        }
        XCTAssertGreaterThan(executions, 5_000)
    }
}
