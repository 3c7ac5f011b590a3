import Foundation
import SwitchyardConfig

/// TensorZero reads GCP service-account key files at startup: the file must be JSON with `private_key_id`,
/// `private_key` (an RSA key in PEM) and `client_email`. This checks the same without keeping the key.
struct GCPKeyFileCheck {
    let check: StartupCredentialCheck
    let diagnostics: DiagnosticCollector

    static let requiredFields = ["private_key_id", "private_key", "client_email"]

    func inspect(_ location: Located<CredentialLocation>, provider: ProviderConfig) {
        guard let data = check.fileContents(of: location.value), let file = check.filePath(of: location.value) else { return }
        if let problem = Self.problem(inKeyFile: data) {
            let source = location.value.form == .path ? "`\(file)`" : "`\(file)` (`\(location.value)`)"
            diagnostics.report(
                .gcpCredentialFile, at: location.location, path: provider.path,
                "Error in acquiring GCP credentials for \(provider.type.rawValue): Failed to load GCP credentials from \(source): \(problem)"
            )
        }
    }

    /// `sdk` uses Application Default Credentials, which TensorZero fetches at startup.
    func inspectApplicationDefault(_ location: Located<CredentialLocation>, provider: ProviderConfig) {
        if let path = check.environment.value("GOOGLE_APPLICATION_CREDENTIALS") {
            if FileManager.default.isReadableFile(atPath: path) { return }
            diagnostics.report(
                .credentialFileUnreadable, at: location.location, path: provider.path,
                "Error in acquiring GCP credentials: `GOOGLE_APPLICATION_CREDENTIALS` names a file that cannot be read"
            )
            return
        }
        let home = check.environment.value("HOME") ?? NSHomeDirectory()
        let wellKnown = (home as NSString).appendingPathComponent(".config/gcloud/application_default_credentials.json")
        if FileManager.default.isReadableFile(atPath: wellKnown) { return }
        diagnostics.report(
            .credentialFileUnreadable, at: location.location, path: provider.path,
            "Error in acquiring GCP credentials: Failed to create GCP Vertex credentials from SDK: no Application Default Credentials found",
            notes: ["Set `GOOGLE_APPLICATION_CREDENTIALS` or run `gcloud auth application-default login`; a metadata server cannot be detected offline."]
        )
    }

    /// What is wrong with a key file's contents, or `nil` when it is usable.
    static func problem(inKeyFile data: Data) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return "the file is not a JSON object"
        }
        for field in requiredFields where !(object[field] is String) {
            return "missing `\(field)`"
        }
        guard let pem = object["private_key"] as? String, RSAKeyStructure.isRSAPrivateKey(pem: pem) else {
            return "`private_key` failed to parse as RSA"
        }
        return nil
    }
}
