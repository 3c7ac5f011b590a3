import SwitchyardEngine
import SwitchyardPlan

/// Reads the tool fields of a request: `additional_tools` entries and `tool_choice`.
enum ToolDefinitionParser {
    /// One `{name, description, parameters, strict}` tool (the `/inference` form).
    static func tool(_ raw: Any, path: String) throws -> ToolPlan {
        guard let object = raw as? [String: Any], let name = object["name"] as? String else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: expected a tool with a `name`, `description` and `parameters`")
        }
        guard let parameters = object["parameters"] else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `\(path)`: missing field `parameters`")
        }
        let schema = try SchemaValue.schema(parameters, field: "\(path).parameters")
        return ToolPlan(
            name: name, description: object["description"] as? String ?? "", parameters: schema.compactText,
            strict: object["strict"] as? Bool ?? false
        )
    }

    /// `"none"`, `"auto"`, `"required"` or `{"specific": NAME}`.
    static func choice(_ raw: Any, path: String) throws -> ToolSettings.Choice {
        if let name = raw as? String, name != "specific", let choice = ToolSettings.Choice(planValue: name) { return choice }
        if let object = raw as? [String: Any], object.count == 1, let name = object["specific"] as? String { return .specific(name) }
        throw GatewayError.badRequest(
            "Failed to deserialize JSON: `\(path)`: expected \"none\", \"auto\", \"required\" or {\"specific\": TOOL}"
        )
    }
}
