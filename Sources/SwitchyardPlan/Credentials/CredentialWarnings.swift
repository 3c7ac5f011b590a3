import SwitchyardConfig

/// Warnings about credential settings that load but surprise users.
struct CredentialWarnings {
    let diagnostics: DiagnosticCollector

    func inspect(_ provider: ProviderConfig, policy: ProviderCredentialPolicy, origin: CredentialOrigin, spec: CredentialSpec) {
        if origin == .builtIn, [.vllm, .sglang, .tgi].contains(provider.type), case .env(let name)? = policy.defaultLocation {
            diagnostics.report(
                .defaultCredentialDocsMismatch, at: provider.location, path: provider.path,
                "no `api_key_location`: TensorZero's code reads `\(name)` (its docs say `none`)",
                notes: ["Set `api_key_location = \"none\"` if the server needs no key, or name the variable explicitly."]
            )
        }
        if policy.noneBehaviour == .failsEveryRequest, spec.locations.contains(where: { $0.value == .none }) {
            diagnostics.report(
                .credentialNoneFailsRequests, at: spec.location, path: provider.path,
                "`none` loads for \(provider.type.rawValue), but every request to this provider fails with `No credentials are set`"
            )
        }
    }
}
