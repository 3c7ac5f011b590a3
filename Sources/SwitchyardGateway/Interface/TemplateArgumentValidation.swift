import SwitchyardPlan

/// Template arguments (the `system` argument object, `{"type": "text", "arguments": …}` and
/// `{"type": "template", "name": …, "arguments": …}` blocks) are checked against the role's schema before
/// rendering, with TensorZero's message and status (400).
enum TemplateArgumentValidation {
    /// Throws TensorZero's `JSON Schema validation failed:` error when `arguments` breaks the schema that
    /// `function` declares for `role` (`system`, `user`, `assistant`, or a named schema `schemas.NAME`); passes
    /// when the function declares none.
    static func check(_ arguments: Any, role: String, function: FunctionPlan) throws {
        guard let text = function.interface.schemas[role] else { return }
        guard let schema = try? JSONSchema.compile(text: Array(text.utf8)) else {
            throw GatewayError(status: 500, message: "The `\(role)` schema of function `\(function.name)` in the plan is not a valid JSON Schema")
        }
        guard let value = SchemaValue.from(arguments) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: template arguments are not JSON")
        }
        if let violation = schema.firstViolation(of: value) {
            throw GatewayError.badRequest(schema.validationError(violation))
        }
    }
}
