import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Secrets never leave the compiler: distinctive canary values put into every variable, key file and
/// `--env-file` line a config names must not appear in the plan JSON, diagnostics, `check` output
/// or `explain` trees.
final class SecretLeakTests: XCTestCase {
    private static let canary = "CANARY-SECRET"

    private func secret(_ label: String) -> String { "\(Self.canary)-1234-\(label)" }

    /// Every output a compilation can produce, as text.
    private func outputs(of compilation: Compiler.Compilation) -> [(String, String)] {
        var texts: [(String, String)] = compilation.diagnostics.map { ("diagnostic \($0.code.rawValue)", $0.description) }
        let report = CheckReport(compilation)
        texts.append(("check text", report.text))
        texts.append(("check json", report.json))
        if let plan = compilation.plan {
            texts.append(("plan json", plan.canonicalJSON))
            let explainer = PlanExplainer(plan: plan)
            texts.append(("explain all", explainer.explain(nil) ?? ""))
            for name in Array(plan.functions.keys) + Array(plan.models.keys) + Array(plan.shorthandModels.keys) {
                texts.append(("explain \(name)", explainer.explain(name) ?? ""))
            }
        }
        return texts
    }

    private func assertNoCanary(_ compilation: Compiler.Compilation, file: StaticString = #filePath, line: UInt = #line) {
        for (label, text) in outputs(of: compilation) {
            XCTAssertFalse(text.contains(Self.canary), "\(label) leaks a secret:\n\(text)", file: file, line: line)
        }
    }

    /// An `--env-file` with canary values (one line malformed), overlaid on a process environment.
    private func environment(scratch: ScratchFolder, extra: [String: String]) -> (Environment, [Diagnostic]) {
        let envFile = """
        # team secrets
        export OPENAI_API_KEY="\(secret("openai"))"
        ANTHROPIC_API_KEY='\(secret("anthropic"))'
        BACKUP_KEY=\(secret("backup")) # inline comment
        this line is broken \(secret("broken-line"))
        AZURE_OPENAI_API_KEY=\(secret("azure-legacy"))
        """
        let parsed = EnvironmentFile.parse(envFile, file: scratch.absolute(".env"))
        var process = [
            "HOME": scratch.absolute("home"),
            "AWS_ACCESS_KEY_ID": secret("aws-id"), "AWS_SECRET_ACCESS_KEY": secret("aws-secret"),
            "AWS_BEARER_TOKEN_BEDROCK": secret("bedrock-token"), "AWS_REGION": secret("region"),
            "VLLM_API_KEY": secret("vllm"), "AZURE_ENDPOINT": "https://\(secret("endpoint")).example.com",
            "TENSORZERO_POSTGRES_URL": "postgres://user:\(secret("pg"))@db/tz",
            "GCP_VERTEX_CREDENTIALS_PATH": scratch.absolute("sa.json"),
            "GOOGLE_APPLICATION_CREDENTIALS": scratch.absolute("adc.json"),
        ]
        process.merge(extra) { $1 }
        return (Environment(process).overlaid(with: parsed.environment), parsed.diagnostics)
    }

    private func writeKeyFiles(_ scratch: ScratchFolder) {
        let key = KeyFixtures.serviceAccountJSON()
            .replacingOccurrences(of: "0123456789abcdef0123456789abcdef01234567", with: secret("key-id"))
            .replacingOccurrences(of: "unit-test@", with: "\(secret("email"))@")
        scratch.write("sa.json", key)
        scratch.write("adc.json", key)
        scratch.write("openai.key", secret("openai-file"))
        scratch.write("bad-sa.json", #"{"private_key_id": "\#(secret("bad-id"))", "client_email": "x", "private_key": "\#(secret("not-a-key"))"}"#)
        scratch.write("not-json.json", "\(secret("raw-file")) is not json")
    }

    private let validConfig = """
    [models.m]
    routing = ["env", "fallback", "dynamic", "none", "bedrock", "gemini_path", "gemini_env_path", "gemini_sdk", "azure", "vllm"]

    [models.m.providers.env]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::OPENAI_API_KEY"
    extra_headers = [{ name = "Authorization", value = "Bearer CANARY-SECRET-1234-header" }]

    [models.m.providers.fallback]
    type = "anthropic"
    model_name = "claude"
    api_key_location = { default = "env::ANTHROPIC_API_KEY", fallback = "env::BACKUP_KEY" }

    [models.m.providers.dynamic]
    type = "groq"
    model_name = "llama"
    api_key_location = "dynamic::customer_key"

    [models.m.providers.none]
    type = "openrouter"
    model_name = "x"
    api_key_location = "none"

    [models.m.providers.bedrock]
    type = "aws_bedrock"
    model_id = "claude"
    region = "env::AWS_REGION"
    access_key_id = "env::AWS_ACCESS_KEY_ID"
    secret_access_key = "env::AWS_SECRET_ACCESS_KEY"

    [models.m.providers.gemini_path]
    type = "gcp_vertex_gemini"
    model_id = "gemini"
    location = "us-central1"
    project_id = "p"
    credential_location = "path::sa.json"

    [models.m.providers.gemini_env_path]
    type = "gcp_vertex_anthropic"
    model_id = "claude"
    location = "us-east5"
    project_id = "p"

    [models.m.providers.gemini_sdk]
    type = "gcp_vertex_gemini"
    model_id = "gemini"
    location = "us-central1"
    project_id = "p"
    credential_location = "sdk"

    [models.m.providers.azure]
    type = "azure"
    deployment_id = "gpt"
    endpoint = "env::AZURE_ENDPOINT"

    [models.m.providers.vllm]
    type = "vllm"
    model_name = "qwen"
    api_base = "http://localhost:8000/v1/"

    [models.bearer]
    routing = ["b"]

    [models.bearer.providers.b]
    type = "aws_bedrock"
    model_id = "claude"
    region = "us-east-1"

    [functions.answer]
    type = "chat"

    [functions.answer.variants.main]
    type = "chat_completion"
    model = "m"

    [functions.answer.variants.short]
    type = "chat_completion"
    model = "anthropic::claude-haiku-4-5"

    [functions.answer.variants.bearer]
    type = "chat_completion"
    model = "bearer"

    """

    func testValidConfigUsingEveryFormLeaksNothing() {
        let scratch = ScratchFolder()
        writeKeyFiles(scratch)
        let (environment, envDiagnostics) = environment(scratch: scratch, extra: [:])
        XCTAssertEqual(envDiagnostics.map(\.code), [.envFileSyntax])
        XCTAssertFalse(envDiagnostics.map(\.description).joined().contains(Self.canary))
        let path = scratch.write("tensorzero.toml", validConfig)
        let compilation = Compiler.compile(ConfigLoader.load(path), environment: environment, workingDirectory: scratch.path)
        XCTAssertFalse(compilation.diagnostics.hasErrors, compilation.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertNotNil(compilation.plan)
        assertNoCanary(compilation)
    }

    /// Failing checks must describe the problem without echoing what they read.
    func testInvalidConfigsLeakNothingInTheirDiagnostics() {
        let scratch = ScratchFolder()
        writeKeyFiles(scratch)
        let (environment, _) = environment(scratch: scratch, extra: ["SA_PATH": scratch.absolute("bad-sa.json")])
        let invalid = """
        [models.m]
        routing = ["bad_key", "not_json", "path_openai", "mixed", "missing"]

        [models.m.providers.bad_key]
        type = "gcp_vertex_gemini"
        model_id = "gemini"
        location = "us-central1"
        project_id = "p"
        credential_location = "path_from_env::SA_PATH"

        [models.m.providers.not_json]
        type = "gcp_vertex_anthropic"
        model_id = "claude"
        location = "us-east5"
        project_id = "p"
        credential_location = "path::not-json.json"

        [models.m.providers.path_openai]
        type = "openai"
        model_name = "gpt"
        api_key_location = "path::openai.key"

        [models.m.providers.mixed]
        type = "aws_bedrock"
        model_id = "claude"
        region = "us-east-1"
        access_key_id = "env::AWS_ACCESS_KEY_ID"
        secret_access_key = "dynamic::sk"

        [models.m.providers.missing]
        type = "mistral"
        model_name = "small"
        api_key_location = { default = "env::OPENAI_API_KEY", fallback = "env::UNSET_KEY" }

        """
        let path = scratch.write("tensorzero.toml", invalid)
        let compilation = Compiler.compile(ConfigLoader.load(path), environment: environment, workingDirectory: scratch.path)
        XCTAssertTrue(compilation.diagnostics.hasErrors)
        XCTAssertEqual(Set(compilation.diagnostics.map(\.code)).isSuperset(of: [.gcpCredentialFile, .credentialFormRejected, .awsCredentialFields, .environmentVariableMissing]), true,
                       compilation.diagnostics.map(\.description).joined(separator: "\n"))
        assertNoCanary(compilation)
    }

    func testEnvironmentNeverPrintsItsValues() {
        let environment = Environment(["OPENAI_API_KEY": secret("env")])
        XCTAssertFalse(environment.description.contains(Self.canary))
        XCTAssertFalse(String(describing: environment).contains(Self.canary))
        XCTAssertFalse(String(reflecting: environment.names).contains(Self.canary))
    }
}
