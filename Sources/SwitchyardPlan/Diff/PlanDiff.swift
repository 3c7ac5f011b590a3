/// The routing change between two plans, in words: per function (sampling, fallbacks, variants, where healthy
/// traffic goes), per model (routing order, providers, credentials, timeouts), credential locations added or
/// removed, and the review rules the change crosses.
public struct PlanDiff: Sendable {
    /// A function's or model's changes.
    public struct Section: Sendable, Hashable {
        /// `function `generate_haiku``, `model `chat_model``.
        public var title: String
        public var lines: [String]
    }

    /// How the two sides are named in the output.
    public var oldName: String
    public var newName: String
    public var functions: [Section]
    public var models: [Section]
    /// Credential locations added or removed.
    public var credentials: [String]
    /// Every review rule the change crosses, whether denied or not.
    public var crossed: [DenyViolation]

    public init(old: RoutingPlan, new: RoutingPlan, oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
        let functionChanges = FunctionChanges(old: old, new: new)
        functions = Set(old.functions.keys).union(new.functions.keys).sorted().compactMap { name in
            let lines = functionChanges.lines(name)
            return lines.isEmpty ? nil : Section(title: "function `\(name)`", lines: lines)
        }
        let modelChanges = ModelChanges(old: old, new: new)
        let modelNames = Set(old.models.keys).union(old.shorthandModels.keys).union(new.models.keys).union(new.shorthandModels.keys)
        models = modelNames.sorted().compactMap { name in
            let lines = modelChanges.lines(name)
            guard !lines.isEmpty else { return nil }
            let users = Self.functions(using: name, in: new).union(Self.functions(using: name, in: old)).sorted()
            return Section(title: "model `\(name)`" + (users.isEmpty ? "" : " (used by \(DiffWording.names(users)))"), lines: lines)
        }
        let oldLocations = Set(old.credentials.keys), newLocations = Set(new.credentials.keys)
        credentials = newLocations.subtracting(oldLocations).sorted().map { "added `\($0)`" }
            + oldLocations.subtracting(newLocations).sorted().map { "removed `\($0)`" }
        crossed = DenyCheck(old: old, new: new).violations()
    }

    /// Whether the plans route alike.
    public var isEmpty: Bool { functions.isEmpty && models.isEmpty && credentials.isEmpty }

    /// The crossed rules among `rules`.
    public func denied(by rules: Set<DenyRule>) -> [DenyViolation] {
        crossed.filter { rules.contains($0.rule) }
    }

    /// Markdown for a pull-request comment; `denied` rules are marked as blocking.
    public func markdown(denying rules: Set<DenyRule> = []) -> String {
        var lines = ["### Routing changes: `\(oldName)` → `\(newName)`", ""]
        if isEmpty {
            lines.append("No routing changes.")
        }
        for section in functions + models {
            lines.append("**\(section.title)**")
            lines += section.lines.map { "- \($0)" }
            lines.append("")
        }
        if !credentials.isEmpty {
            lines.append("**credential locations**")
            lines += credentials.map { "- \($0)" }
            lines.append("")
        }
        if !crossed.isEmpty {
            lines.append("**review rules crossed**")
            lines += crossed.map { "- \(rules.contains($0.rule) ? "❌ denied" : "⚠️") `\($0.rule.rawValue)`: \($0.message)" }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func functions(using model: String, in plan: RoutingPlan) -> Set<String> {
        Set(plan.functions.values.filter { function in
            function.variants.values.contains { $0.model == model || $0.judgeModel == model }
        }.map(\.name))
    }
}
