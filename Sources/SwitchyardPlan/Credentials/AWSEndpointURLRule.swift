import Foundation
import SwitchyardConfig

/// AWS `endpoint_url` (a URL, or `env::` / `path::` / `path_from_env::` / `dynamic::`), checked at startup
/// as TensorZero does (`aws_common.rs`, `AWSEndpointUrl::from_credential_location`).
struct AWSEndpointURLRule {
    let check: StartupCredentialCheck
    let diagnostics: DiagnosticCollector

    func inspect(_ provider: ProviderConfig) {
        guard let written = provider.strings["endpoint_url"] else { return }
        let type = provider.type.rawValue
        func report(_ code: DiagnosticCode, _ message: String) {
            diagnostics.report(code, at: written.location, path: provider.path, message)
        }
        switch CredentialLocation(parsing: written.value) {
        case nil:
            if !Self.isURL(written.value) { report(.invalidValue, "Invalid endpoint URL `\(written.value)` for \(type): relative URL without a base") }
        case .env(let name)?:
            if !check.environment.isSet(name) {
                report(.environmentVariableMissing, "Environment variable `\(name)` not found. Your configuration for a `\(type)` provider requires this variable for `endpoint_url`.")
            }
        case .pathFromEnv(let name)?:
            guard let path = check.environment.value(name) else {
                report(.environmentVariableMissing, "Environment variable `\(name)` not found. Your configuration for a `\(type)` provider requires this variable for `endpoint_url` path.")
                return
            }
            inspectFile(path, type: type, report: report)
        case .path(let path)?:
            inspectFile(path, type: type, report: report)
        case .sdk?:
            report(.credentialFormRejected, "`endpoint_url = \"sdk\"` is not supported for `\(type)`. Use a static URL, `env::`, `path::`, or `dynamic::` instead.")
        case .dynamic?, CredentialLocation.none?:
            break
        }
    }

    private func inspectFile(_ path: String, type: String, report: (DiagnosticCode, String) -> Void) {
        guard case .missing = check.check(.path(path), startupName: type).status else { return }
        report(.credentialFileUnreadable, "Failed to read endpoint URL from file `\(path)` for `\(type)`: No such file or directory (os error 2)")
    }

    /// Whether `text` is an absolute URL with a scheme and a host.
    static func isURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme, !scheme.isEmpty else { return false }
        return url.host != nil
    }
}
