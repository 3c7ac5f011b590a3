import SwitchyardConfig

/// Provider fields that only make sense together, and endpoint values users get wrong.
struct ProviderFieldRules: ValidationRule {
    func validate(_ config: TensorZeroConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        for model in config.models {
            for provider in model.providers {
                check(provider, context: context, diagnostics: diagnostics)
            }
        }
    }

    private func check(_ provider: ProviderConfig, context: ValidationContext, diagnostics: DiagnosticCollector) {
        if provider.type == .openai, provider.string("api_type") != "responses" {
            for field in ["include_encrypted_reasoning", "provider_tools"] where provider.flags[field]?.value == true || provider.otherFields[field] != nil {
                diagnostics.report(
                    .providerFieldConflict, at: provider.flags[field]?.location ?? provider.otherFields[field] ?? provider.location, path: provider.path,
                    "`\(field)` requires `api_type = \"responses\"`"
                )
            }
        }
        if let base = provider.strings["api_base"], base.value.hasSuffix("/chat/completions") || base.value.hasSuffix("/chat/completions/") {
            diagnostics.report(
                .apiBaseSuffix, at: base.location, path: "\(provider.path).api_base",
                "`api_base` ends with `/chat/completions`; TensorZero appends that path itself, so requests would go to `.../chat/completions/chat/completions`"
            )
        }
        if provider.type == .gcpVertexGemini, provider.strings["model_id"] != nil, let endpoint = provider.strings["endpoint_id"] {
            diagnostics.report(.providerFieldConflict, at: endpoint.location, path: provider.path, "exactly one of `model_id` or `endpoint_id` must be provided")
        }
        if provider.type == .azure, let endpoint = provider.strings["endpoint"],
           case .env(let name)? = CredentialLocation(parsing: endpoint.value), !context.environment.isSet(name) {
            diagnostics.report(
                .environmentVariableMissing, at: endpoint.location, path: provider.path,
                "Environment variable `\(name)` not found for Azure endpoint"
            )
        }
    }
}
