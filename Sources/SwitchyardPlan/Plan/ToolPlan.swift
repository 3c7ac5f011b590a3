/// One `[tools.NAME]` entry as providers are offered it.
public struct ToolPlan: Sendable, Hashable {
    public var name: String
    public var description: String
    /// The parameters schema (compact JSON text).
    public var parameters: String
    public var strict: Bool

    public init(name: String, description: String, parameters: String, strict: Bool) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}
