import SwitchyardEngine
import SwitchyardPlan

extension ProviderAttempt {
    /// The description of the tool TensorZero forces in `json_mode = "tool"`.
    static let respondDescription = "Respond to the user using the output schema provided."

    /// The JSON mode of a JSON function's attempt (the request's override, else the variant's); `nil` for chat.
    var jsonMode: String? {
        guard let output = payload.jsonOutput else { return nil }
        return output.mode ?? variantPlan.jsonMode
    }

    /// The tools this attempt offers: a JSON function in `tool` mode offers only TensorZero's `respond` tool
    /// (its parameters are the output schema) and forces it; chat requests offer their tools.
    var toolSettings: ToolSettings? {
        guard let output = payload.jsonOutput else { return payload.tools }
        guard jsonMode == "tool" else { return nil }
        let respond = ToolPlan(name: "respond", description: Self.respondDescription, parameters: output.schema, strict: false)
        return ToolSettings(functionTools: [respond], choice: .specific("respond"))
    }
}
