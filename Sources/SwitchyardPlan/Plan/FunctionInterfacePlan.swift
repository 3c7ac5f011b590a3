/// What a function exposes besides routing: its schemas, tools and tool settings. The gateway validates
/// arguments and outputs against the schemas and offers the tools to providers.
public struct FunctionInterfacePlan: Sendable {
    /// Schema text (compact, as written) by role: `system`, `user`, `assistant`, `output`, or `schemas.NAME`.
    public var schemas: [String: String] = [:]
    /// The function's tools, in the order the function lists them.
    public var tools: [ToolPlan] = []
    /// `tool_choice`: `none`, `auto`, `required` or `specific::NAME`.
    public var toolChoice: String?
    public var parallelToolCalls: Bool?

    public init(schemas: [String: String] = [:], tools: [ToolPlan] = [], toolChoice: String? = nil, parallelToolCalls: Bool? = nil) {
        self.schemas = schemas
        self.tools = tools
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
    }

    /// Whether the function declares nothing of this (the plan JSON then leaves the entry out).
    public var isEmpty: Bool { schemas.isEmpty && tools.isEmpty && toolChoice == nil && parallelToolCalls == nil }
}
