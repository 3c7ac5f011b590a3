import SwitchyardPlan

/// One block of a message's content. Adapters map text, tool calls and tool results to the wire; template
/// arguments never reach them, because the engine renders every `template` block into text for the chosen
/// variant before the first attempt (or fails the variant).
public enum ContentBlock: Sendable, Hashable {
    /// Text; a variant's role template without a schema wraps it (`user_text` / `assistant_text`).
    case text(String)
    /// A tool call the assistant made earlier in the conversation; `arguments` is JSON text.
    case toolCall(id: String, name: String, arguments: String)
    /// The result of a tool call, sent back by the user.
    case toolResult(id: String, name: String, result: String)
    /// Arguments for the variant's template `name`: a `template` block, or the legacy `text` block with
    /// `arguments` and object content (named after the message's role).
    case template(name: String, arguments: JSONValue)
    /// `raw_text`: sent as it is, never templated.
    case rawText(String)

    /// The block's text (`text` and `raw_text`), or nil.
    public var text: String? {
        switch self {
        case .text(let text), .rawText(let text): text
        case .toolCall, .toolResult, .template: nil
        }
    }

    /// Whether the block is a tool call or a tool result.
    public var isToolBlock: Bool {
        switch self {
        case .toolCall, .toolResult: true
        case .text, .rawText, .template: false
        }
    }

    /// Whether the block is template arguments, still to be rendered.
    public var isTemplate: Bool {
        if case .template = self { true } else { false }
    }
}
