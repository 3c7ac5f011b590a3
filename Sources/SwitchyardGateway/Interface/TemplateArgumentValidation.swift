import SwitchyardEngine
import SwitchyardPlan

/// Template arguments (the `system` argument object, `{"type": "text", "arguments": …}` and
/// `{"type": "template", "name": …, "arguments": …}` blocks) are checked against the role's schema before
/// rendering, with TensorZero's message and status (400).
enum TemplateArgumentValidation {
    /// Throws TensorZero's `JSON Schema validation failed:` error when `arguments` breaks the schema that
    /// `function` declares for `role` (`system`, `user`, `assistant`, or a named schema `schemas.NAME`); passes
    /// when the function declares none.
    static func check(_ value: SwitchyardPlan.JSONValue, role: String, function: FunctionPlan) throws {
        guard let text = function.interface.schemas[role] else { return }
        guard let schema = try? JSONSchema.compile(text: Array(text.utf8)) else {
            throw GatewayError(status: 500, message: "The `\(role)` schema of function `\(function.name)` in the plan is not a valid JSON Schema")
        }
        if let violation = schema.firstViolation(of: value) {
            throw GatewayError.badRequest(schema.validationError(violation))
        }
    }

    /// Checks every piece of template arguments in `payload` (the `system` object, `template` blocks) against
    /// `function`'s schemas, before any variant renders them.
    static func checkAll(in payload: InferencePayload, function: FunctionPlan) throws {
        if let system = payload.systemArguments { try check(system, role: "system", function: function) }
        for message in payload.messages {
            for case .template(let name, let arguments) in message.blocks {
                try check(arguments, role: ["system", "user", "assistant"].contains(name) ? name : "schemas.\(name)", function: function)
            }
        }
    }
}
