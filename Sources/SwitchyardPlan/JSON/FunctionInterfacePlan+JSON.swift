extension FunctionInterfacePlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("parallel_tool_calls", parallelToolCalls)
            json.member("schemas", schemas.isEmpty ? nil : schemas)
            json.member("tool_choice", toolChoice)
            json.member("tools", tools.isEmpty ? nil : tools)
        }
    }

    init(json object: JSONObjectReader) throws(PlanShapeError) {
        var tools: [ToolPlan] = []
        for item in try object.optionalArray("tools") ?? [] {
            let tool = try JSONObjectReader(item.value, path: item.path)
            tools.append(ToolPlan(
                name: try tool.string("name"), description: try tool.string("description"), parameters: try tool.string("parameters"),
                strict: try tool.optionalBool("strict") ?? false
            ))
        }
        self.init(
            schemas: object.has("schemas") ? try object.map("schemas") { (name, _, _) throws(PlanShapeError) in
                try object.object("schemas").string(name)
            } : [:],
            tools: tools, toolChoice: try object.optionalString("tool_choice"), parallelToolCalls: try object.optionalBool("parallel_tool_calls")
        )
    }
}

extension ToolPlan: CanonicalJSONEncodable {
    public func encode(to json: inout CanonicalJSONWriter) {
        json.object { json in
            json.member("description", description)
            json.member("name", name)
            json.member("parameters", parameters)
            json.member("strict", strict)
        }
    }
}
