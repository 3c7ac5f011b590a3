import SwitchyardConfig

/// What every rule may consult besides the config itself.
public struct ValidationContext: Sendable {
    public var environment: Environment

    public init(environment: Environment) {
        self.environment = environment
    }
}

/// One family of load-time checks. Rules report every finding and never stop at the first.
public protocol ValidationRule: Sendable {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector)
}

/// Every rule, in TensorZero's checking order (reference §4).
public enum ValidationRules {
    public static let all: [any ValidationRule] = [
        ReservedNameRules(),
        ModelRoutingRules(),
        ProviderFieldRules(),
        VariantRules(),
        CandidateTimeoutRules(),
        CandidateCycleRules(),
        ExperimentationRules(),
        FileReferenceRules(),
        TemplateSyntaxRules(),
        SchemaFileRules(),
        TemplateSchemaRules(),
        TimeoutRules(),
        FunctionToolRules(),
    ]
}
