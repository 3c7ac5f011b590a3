/// How `diff` writes values: percentages, timeouts, credential chains, lists.
enum DiffWording {
    static func percent(_ share: Double) -> String {
        let tenths = Int64((share * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    static func timeouts(_ plan: TimeoutPlan?) -> String {
        guard let plan else { return "none" }
        var parts: [String] = []
        if let total = plan.nonStreamingTotalMs { parts.append("total \(total) ms") }
        if let ttft = plan.streamingTTFTMs { parts.append("stream ttft \(ttft) ms") }
        if let total = plan.streamingTotalMs { parts.append("stream total \(total) ms") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    static func credentials(_ credentials: ResolvedCredentials) -> String {
        let links = credentials.links
        if links.count == 2, links[0].role == .default, links[1].role == .fallback {
            return "{ default `\(links[0].location)`, fallback `\(links[1].location)` }"
        }
        return links.map { "`\($0.location)`" }.joined(separator: " + ")
    }

    /// `` `a`, `b` `` or `none`.
    static func names(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// `old → new` for a changed value.
    static func change(_ label: String, _ old: String, _ new: String) -> String? {
        old == new ? nil : "\(label): \(old) → \(new)"
    }
}
