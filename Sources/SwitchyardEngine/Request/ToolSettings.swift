import SwitchyardPlan

/// The tools a request offers the model and how it may use them: the function's tools, narrowed by
/// `allowed_tools`, plus `additional_tools`, with the effective `tool_choice` and `parallel_tool_calls`.
public struct ToolSettings: Sendable, Hashable {
    /// `tool_choice`.
    public enum Choice: Sendable, Hashable {
        case none
        case auto
        case required
        case specific(String)

        /// Reads `none`, `auto`, `required` or `specific::NAME` (the plan's form).
        public init?(planValue: String) {
            switch planValue {
            case "none": self = .none
            case "auto": self = .auto
            case "required": self = .required
            default:
                guard planValue.hasPrefix("specific::") else { return nil }
                self = .specific(String(planValue.dropFirst("specific::".count)))
            }
        }
    }

    /// The function's tools, in the order it lists them.
    public var functionTools: [ToolPlan]
    /// `additional_tools` from the request.
    public var additionalTools: [ToolPlan]
    /// `allowed_tools`, when the request narrowed the tools offered.
    public var allowedTools: [String]?
    public var choice: Choice
    public var parallelToolCalls: Bool?

    public init(
        functionTools: [ToolPlan], additionalTools: [ToolPlan] = [], allowedTools: [String]? = nil, choice: Choice = .auto,
        parallelToolCalls: Bool? = nil
    ) {
        self.functionTools = functionTools
        self.additionalTools = additionalTools
        self.allowedTools = allowedTools
        self.choice = choice
        self.parallelToolCalls = parallelToolCalls
    }

    /// Every tool: TensorZero lists them all for OpenAI-compatible providers and names the allowed ones in
    /// `tool_choice`.
    public var allTools: [ToolPlan] { functionTools + additionalTools }

    /// The tools a provider without an `allowed_tools` form is offered: those `allowed_tools` names (function or
    /// additional tools), or all of them.
    public var offeredTools: [ToolPlan] {
        guard let allowed = allowedTools else { return allTools }
        return allTools.filter { allowed.contains($0.name) }
    }

    /// The tool named `name` among those offered, if any.
    public func tool(named name: String) -> ToolPlan? {
        allTools.first { $0.name == name }
    }
}
