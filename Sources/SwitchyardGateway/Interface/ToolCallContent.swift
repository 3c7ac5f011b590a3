import Foundation
import SwitchyardEngine
import SwitchyardPlan

/// A tool call as `/inference` returns it: `name` only when it names an offered tool, `arguments` only when
/// the raw arguments are JSON that the tool's parameters schema accepts (otherwise `null`, as TensorZero does).
enum ToolCallContent {
    static func block(_ call: ProviderToolCall, tools: ToolSettings?) -> [String: Any] {
        let tool = tools?.tool(named: call.name)
        let name: Any = tool.map { $0.name } ?? NSNull()
        let arguments: Any = tool.flatMap { validArguments(call.arguments, schema: $0.parameters) } ?? NSNull()
        return ["type": "tool_call", "id": call.id, "raw_name": call.name, "raw_arguments": call.arguments, "name": name, "arguments": arguments]
    }

    /// `text` parsed, when it is JSON that `schema` (compact JSON text) accepts.
    static func validArguments(_ text: String, schema: String) -> Any? {
        guard let instance = try? JSONParser.parse(Array(text.utf8)),
              let compiled = try? JSONSchema.compile(text: Array(schema.utf8)),
              compiled.firstViolation(of: instance) == nil else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
