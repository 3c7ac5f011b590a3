/// Draws a ``RoutingGraph`` as a Mermaid flowchart, the form a pull-request comment renders in a
/// ```` ```mermaid ```` block. Every label is quoted with its special characters written as entity codes;
/// an outage's lost nodes and arrows are greyed out and dashed.
public enum MermaidRenderer {
    /// The flowchart's source text.
    public static func render(_ graph: RoutingGraph) -> String {
        var lines = ["flowchart LR"]
        if let outage = graph.outage { lines += OutageSummary.lines(outage).map { "  %% \($0)" } }
        for node in graph.nodes {
            let label = node.lines.map(escape).joined(separator: "<br/>")
            let (open, close) = shape(node.kind)
            lines.append("  \(node.id)\(open)\"\(label)\"\(close)")
        }
        for edge in graph.edges {
            let arrow = edge.isSecondary ? "-.->" : "-->"
            let label = edge.label.map { "|\"\(escape($0))\"|" } ?? ""
            lines.append("  \(edge.from) \(arrow)\(label) \(edge.to)")
        }
        let lostNodes = graph.nodes.filter(\.isLost).map(\.id)
        if !lostNodes.isEmpty {
            lines.append("  classDef lost fill:#eeeeee,stroke:#999999,color:#999999,stroke-dasharray:4 3")
            lines.append("  class \(lostNodes.joined(separator: ",")) lost")
        }
        let lostEdges = graph.edges.indices.filter { graph.edges[$0].isLost }.map(String.init)
        if !lostEdges.isEmpty {
            lines.append("  linkStyle \(lostEdges.joined(separator: ",")) stroke:#bbbbbb,color:#999999,stroke-dasharray:4 3")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a quoted Mermaid label: `#` first (it starts every entity code), then the characters
    /// that end the label or read as markup; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "#": result += "#35;"
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "`": result += "#96;"
            case "|": result += "#124;"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func shape(_ kind: RoutingGraph.Kind) -> (String, String) {
        switch kind {
        case .function: ("([", "])")
        case .variant: ("[", "]")
        case .model: ("{{", "}}")
        case .provider: ("[/", "/]")
        case .credential: ("[(", ")]")
        }
    }
}
