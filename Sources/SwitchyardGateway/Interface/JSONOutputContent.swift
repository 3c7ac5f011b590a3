import Foundation
import SwitchyardEngine

/// A JSON function's `output: {raw, parsed}`: `raw` is the model's text (the forced tool call's arguments in
/// `tool` mode) and `parsed` its JSON when the output schema accepts it, else `null` (TensorZero answers 200
/// either way and only logs the validation error).
enum JSONOutputContent {
    static func output(_ response: ProviderResponse, settings: JSONOutputSettings?, mode: String?) -> [String: Any] {
        let raw = mode == "tool" ? response.toolCalls.first?.arguments ?? response.text : response.text
        let parsed = ToolCallContent.validArguments(raw, schema: settings?.schema ?? "{}")
        let value: Any = parsed ?? NSNull()
        return ["raw": raw, "parsed": value]
    }
}
