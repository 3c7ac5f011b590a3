import SwitchyardPlan

/// Turns a request's input into the text one variant sends, as TensorZero's chat-completion variants do
/// (`prepare_system_message`, `prepare_request_message`; checked against TensorZero 2026.6.0):
/// - `system`: with a `system` template, a string fills `system_text` when the template is a role field
///   without a schema, and object arguments fill the template otherwise; without one, a string is sent as
///   it is and arguments are an error.
/// - text blocks: wrapped by the role's template when it is a role field (`user_text`, `assistant_text`).
/// - template arguments: rendered by the variant's template of that name; a variant without it fails
///   with `Template `NAME` not found`.
/// - raw text: sent as it is.
/// Render failures are the variant's failure (no retry; the next variant is tried).
enum InputRendering {
    /// The template names a variant accepts arguments for: `templates.NAME` entries, and role templates
    /// whose role has a schema.
    static func acceptedNames(_ variant: VariantPlan) -> Set<String> {
        Set(variant.templates.compactMap { name, template in !template.isRoleField || variant.schemas[name] != nil ? name : nil })
    }

    /// The request-level check that runs before any variant: a function whose system template has a schema
    /// needs `system`, and every template the input names must exist in some variant of the function.
    static func inputError(_ payload: InferencePayload, for function: FunctionRoute) -> InferenceError? {
        if function.requiresSystem, payload.system == nil, payload.systemArguments == nil {
            return .invalidMessage("`input.system` is empty but a system template is present.")
        }
        guard payload.hasTemplateArguments else { return nil }
        let templateNames = function.templateNames
        if payload.systemArguments != nil, !templateNames.contains("system") {
            return .invalidMessage("System message has non-string content but there is no template `system` in any variant")
        }
        for (index, message) in payload.messages.enumerated() {
            for case .template(let name, _) in message.blocks where !templateNames.contains(name) {
                return .invalidMessage("Message at index \(index) has non-string content but there is no template `\(name)` in any variant")
            }
        }
        return nil
    }

    /// `payload` rendered for `variant`.
    static func render(_ payload: InferencePayload, for variant: VariantPlan) -> Result<InferencePayload, InferenceError> {
        guard !variant.templates.isEmpty || payload.hasUnrenderedBlocks else { return .success(payload) }
        do throws(InferenceError) {
            var rendered = payload
            rendered.system = try system(payload, variant)
            rendered.systemArguments = nil
            rendered.messages = try payload.messages.map { message throws(InferenceError) in
                var blocks: [ContentBlock] = []
                for block in message.blocks { blocks.append(try renderedBlock(block, role: message.role.rawValue, variant)) }
                return InferencePayload.Message(role: message.role, blocks: blocks)
            }
            return .success(rendered)
        } catch {
            return .failure(error)
        }
    }

    private static func system(_ payload: InferencePayload, _ variant: VariantPlan) throws(InferenceError) -> String? {
        guard let template = variant.templates["system"] else {
            if payload.systemArguments != nil {
                throw .invalidMessage("System message content is a template but there is no variant template")
            }
            return payload.system
        }
        if template.isRoleField, variant.schemas["system"] == nil {
            if payload.systemArguments != nil {
                throw .invalidMessage("System message content is a template but `input_wrappers.system` is set in the variant config")
            }
            return try render(template, .object(["system_text": payload.system.map(JSONValue.string) ?? .null]))
        }
        return try render(template, payload.systemArguments ?? .object([:]))
    }

    /// The block as sent: text wrapped or rendered by the variant's templates; tool calls and results as they are.
    private static func renderedBlock(_ block: ContentBlock, role: String, _ variant: VariantPlan) throws(InferenceError) -> ContentBlock {
        switch block {
        case .toolCall, .toolResult: return block
        case .rawText(let text): return .text(text)
        case .text(let text):
            guard let template = variant.templates[role], template.isRoleField else { return block }
            return .text(try render(template, .object(["\(role)_text": .string(text)])))
        case .template(let name, let arguments):
            guard let template = variant.templates[name] else { throw .invalidMessage("Template `\(name)` not found") }
            if template.isRoleField, variant.schemas[name] == nil {
                throw .invalidMessage(
                    "Request message content \(arguments.compactText) is not a string but `input_wrappers.\(role)` is set in the variant config"
                )
            }
            return .text(try render(template, arguments))
        }
    }

    private static func render(_ template: TemplatePlan, _ arguments: JSONValue) throws(InferenceError) -> String {
        do throws(TemplateRenderError) {
            return try template.template.render(arguments)
        } catch {
            throw .templateRender(template: template.file.path, message: error.message, line: error.line)
        }
    }
}
