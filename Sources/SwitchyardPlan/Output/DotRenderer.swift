/// Draws a ``RoutingGraph`` in Graphviz DOT (`dot -Tsvg`); an outage's lost nodes and arrows are greyed out
/// and dashed.
public enum DotRenderer {
    /// The `digraph` source text.
    public static func render(_ graph: RoutingGraph) -> String {
        var lines: [String] = []
        if let outage = graph.outage { lines += OutageSummary.lines(outage).map { "// \($0)" } }
        lines += ["digraph routing {", "  rankdir=LR;", "  node [fontname=\"Helvetica\", fontsize=11];", "  edge [fontname=\"Helvetica\", fontsize=10];"]
        for node in graph.nodes {
            var attributes = ["label=\"\(node.lines.map(escape).joined(separator: "\\n"))\"", "shape=\(shape(node.kind))"]
            if node.isLost { attributes += ["style=\"dashed,filled\"", "fillcolor=\"#eeeeee\"", "color=\"#999999\"", "fontcolor=\"#999999\""] }
            lines.append("  \(node.id) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\"\(escape(label))\"") }
            if edge.isSecondary || edge.isLost { attributes.append("style=dashed") }
            if edge.isLost { attributes += ["color=\"#bbbbbb\"", "fontcolor=\"#999999\""] }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("  \(edge.from) -> \(edge.to)\(suffix);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a DOT double-quoted string; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func shape(_ kind: RoutingGraph.Kind) -> String {
        switch kind {
        case .function: "oval"
        case .variant: "box"
        case .model: "hexagon"
        case .provider: "parallelogram"
        case .credential: "cylinder"
        }
    }
}
