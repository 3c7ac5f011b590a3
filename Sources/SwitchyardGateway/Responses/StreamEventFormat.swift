import SwitchyardEngine

/// How one endpoint writes a committed stream as Server-Sent Events.
protocol StreamEventFormat: Sendable {
    /// The event forwarding `chunk`'s content, or `nil` when it has none to forward.
    mutating func content(_ chunk: StreamChunk) -> [String: Any]?
    /// The closing chunk: the whole stream's usage and finish reason.
    func final(_ summary: StreamSummary) -> [String: Any]
    /// An error that happened after the stream started.
    func error(_ message: String) -> [String: Any]
}

/// What the stream's chunks said about the whole inference: the latest token counts each chunk reported
/// (Anthropic reports input tokens first and output tokens last; OpenAI both in its last chunk) and the
/// latest finish reason.
struct StreamSummary: Sendable, Equatable {
    var inputTokens: Int?
    var outputTokens: Int?
    var finishReason: ProviderResponse.FinishReason?

    mutating func add(_ chunk: StreamChunk) {
        inputTokens = chunk.inputTokens ?? inputTokens
        outputTokens = chunk.outputTokens ?? outputTokens
        finishReason = chunk.finishReason ?? finishReason
    }

    /// Adds the tokens of the request's model calls before the stream (a mixture-of-N variant's candidates):
    /// what the engine `counted` beyond what the stream's `first` chunk said.
    mutating func addEarlierCalls(counted: ProviderResponse?, first: StreamChunk?) {
        func extra(_ counted: Int?, _ streamed: Int?) -> Int? {
            guard let counted, counted > streamed ?? 0 else { return nil }
            return counted - (streamed ?? 0)
        }
        if let input = extra(counted?.inputTokens, first?.inputTokens) { inputTokens = (inputTokens ?? 0) + input }
        if let output = extra(counted?.outputTokens, first?.outputTokens) { outputTokens = (outputTokens ?? 0) + output }
    }

    /// The summary as a response's usage and finish reason.
    var response: ProviderResponse {
        ProviderResponse(text: "", inputTokens: inputTokens, outputTokens: outputTokens, finishReason: finishReason)
    }
}
