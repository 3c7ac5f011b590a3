import SwitchyardConfig

/// Compiles a TensorZero config into a routing plan: load, validate, resolve credentials, lower.
public enum Compiler {
    /// What a compilation produced: the plan (absent when any error was found) and every diagnostic.
    public struct Compilation: Sendable {
        public var plan: RoutingPlan?
        /// All findings, in file order.
        public var diagnostics: [Diagnostic]
        public var files: [String]

        public init(plan: RoutingPlan?, diagnostics: [Diagnostic], files: [String]) {
            self.plan = plan
            self.diagnostics = diagnostics
            self.files = files
        }
    }

    /// Compiles the config at `pattern` (a path or glob) against `environment`.
    public static func compile(configAt pattern: String, environment: Environment, workingDirectory: String? = nil) -> Compilation {
        compile(ConfigLoader.load(pattern), environment: environment, workingDirectory: workingDirectory)
    }

    /// Compiles an already-loaded config.
    public static func compile(_ loaded: ConfigLoader.Result, environment: Environment, workingDirectory: String? = nil) -> Compilation {
        let diagnostics = DiagnosticCollector()
        loaded.diagnostics.forEach(diagnostics.report)
        let config = loaded.config
        let context = ValidationContext(environment: environment)
        for rule in ValidationRules.all {
            rule.validate(config, context: context, diagnostics: diagnostics)
        }
        let check = workingDirectory.map { StartupCredentialCheck(environment: environment, workingDirectory: $0) }
            ?? StartupCredentialCheck(environment: environment)
        let resolver = ProviderCredentialResolver(defaults: config.providerTypeDefaults, check: check, diagnostics: diagnostics)
        let plan = lower(config, resolver: resolver, diagnostics: diagnostics)
        let sorted = diagnostics.diagnostics.sortedForDisplay()
        var finished = plan
        finished.diagnostics = sorted
        return Compilation(plan: sorted.hasErrors ? nil : finished, diagnostics: sorted, files: config.files)
    }

    private static func lower(_ config: TensorZeroConfig, resolver: ProviderCredentialResolver, diagnostics: DiagnosticCollector) -> RoutingPlan {
        var index = CredentialIndex()
        let models = ModelLowering(resolver: resolver)
        var modelPlans: [String: ModelPlan] = [:]
        modelPlans.reserveCapacity(config.models.count)
        for model in config.models where modelPlans[model.name.value] == nil {
            modelPlans[model.name.value] = models.lower(model, index: &index)
        }
        let shorthands = models.lowerShorthands(config, index: &index)
        var functions: [String: FunctionPlan] = [:]
        functions.reserveCapacity(config.functions.count)
        for function in config.functions {
            functions[function.name.value] = FunctionLowering.lower(function, tools: config.tools, diagnostics: diagnostics)
        }
        var shorthandCredentials: [ProviderType: ResolvedCredentials] = [:]
        for type in ProviderType.allCases where type.hasShorthand {
            shorthandCredentials[type] = resolver.shorthandCredentials(for: type)
        }
        return RoutingPlan(
            sourceFiles: config.files, globalTimeoutMs: config.gateway.globalTimeoutMs, models: modelPlans,
            shorthandModels: shorthands, functions: functions, shorthandCredentials: shorthandCredentials,
            credentials: index.usages, diagnostics: []
        )
    }
}
