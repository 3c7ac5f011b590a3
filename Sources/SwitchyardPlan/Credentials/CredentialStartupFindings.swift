import SwitchyardConfig

/// The startup findings about one credential location of an explicitly configured provider, shared by
/// `check` (compiling a config) and `serve --plan` (re-checking a compiled plan against this environment),
/// so that both report the same diagnostics.
enum CredentialStartupFindings {
    /// Whether `location` is Azure's built-in `AZURE_API_KEY` standing in for the deprecated
    /// `AZURE_OPENAI_API_KEY`, which TensorZero still reads when only that one is set.
    static func usesLegacyAzureKey(_ location: CredentialLocation, type: ProviderType, origin: CredentialOrigin, check: StartupCredentialCheck) -> Bool {
        guard case .env("AZURE_API_KEY") = location, type == .azure, origin == .builtIn else { return false }
        return !check.environment.isSet("AZURE_API_KEY") && check.environment.isSet("AZURE_OPENAI_API_KEY")
    }

    /// The warning for `usesLegacyAzureKey`.
    static func legacyAzureKey(at position: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(
            .azureLegacyKey, at: position, path: path,
            "`AZURE_API_KEY` is unset, so the deprecated `AZURE_OPENAI_API_KEY` is used",
            notes: ["Rename the variable to `AZURE_API_KEY`; TensorZero logs a deprecation warning for the old name."]
        )
    }

    /// The error for a location that cannot be resolved at startup (`outcome.status == .missing`).
    static func unresolved(
        _ location: CredentialLocation, outcome: StartupCredentialCheck.Outcome, check: StartupCredentialCheck,
        at position: SourceLocation, path: String
    ) -> Diagnostic {
        let variableUnset: Bool
        switch location {
        case .env: variableUnset = true
        case .pathFromEnv(let name): variableUnset = !check.environment.isSet(name)
        default: variableUnset = false
        }
        return Diagnostic(
            variableUnset ? .environmentVariableMissing : .credentialFileUnreadable, at: position, path: path,
            outcome.failure ?? "the credential cannot be resolved"
        )
    }
}
