import SwitchyardEngine
import SwitchyardPlan

extension ServedPlan {
    /// Merges the request's tool and JSON-output fields with its function's (tools offered, tool choice, JSON
    /// mode, output schema) into the payload every attempt carries, and checks its template arguments against
    /// the function's schemas.
    func resolveInterface(_ parsed: inout ParsedInference) throws {
        var function: FunctionPlan?
        if case .function(let name) = parsed.request.target { function = plan.functions[name] }
        try parsed.interface.apply(to: &parsed.request.payload, function: function)
        if let function, parsed.request.payload.hasTemplateArguments {
            try TemplateArgumentValidation.checkAll(in: parsed.request.payload, function: function)
        }
    }

    /// The JSON mode a served JSON inference ran with: the request's override, else the variant's.
    func jsonMode(_ parsed: ParsedInference, variant: String?) -> String? {
        if let mode = parsed.request.payload.jsonOutput?.mode { return mode }
        guard case .function(let name) = parsed.request.target, let variant else { return nil }
        return plan.functions[name]?.variants[variant]?.jsonMode
    }
}
