import SwitchyardConfig

/// Notes for credential forms that TensorZero's docs list as supported but its code rejects (Appendix A).
enum FormDocsMismatch {
    static func note(_ type: ProviderType, form: CredentialForm) -> [String] {
        switch (type, form) {
        case (.anthropic, .none), (.azure, .none):
            ["TensorZero's docs list `none` for \(type.rawValue), but its code rejects it; Switchyard follows the code."]
        case (.gcpVertexGemini, .env), (.gcpVertexAnthropic, .env):
            ["TensorZero's configuration reference lists `env::` for GCP, but its code rejects it; use `path_from_env::VAR` for a key file path in a variable."]
        default:
            []
        }
    }
}
