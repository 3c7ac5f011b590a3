import SwitchyardConfig

/// Lowers a function's schemas and tools; files that cannot be loaded are left out (the validation rules
/// have reported them, and a plan is only produced without errors).
enum InterfaceLowering {
    static func lower(_ function: FunctionConfig, tools: [ToolConfig]) -> FunctionInterfacePlan {
        var interface = FunctionInterfacePlan(
            toolChoice: function.toolChoice?.value, parallelToolCalls: function.parallelToolCalls
        )
        for (key, file) in function.schemas {
            guard case .success(let schema)? = SchemaFile.load(file) else { continue }
            let role = key.hasSuffix("_schema") ? String(key.dropLast("_schema".count)) : key
            interface.schemas[role] = schema.compactText
        }
        for name in function.tools {
            guard let tool = tools.first(where: { $0.name.value == name.value }), let file = tool.parameters,
                  case .success(let schema)? = SchemaFile.load(file) else { continue }
            interface.tools.append(ToolPlan(
                name: name.value, description: tool.description ?? "", parameters: schema.compactText, strict: tool.strict
            ))
        }
        return interface
    }
}
