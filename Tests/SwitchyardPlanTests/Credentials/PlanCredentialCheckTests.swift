import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `serve --plan` re-checks a compiled plan's credentials against its own environment and reports exactly
/// what `check` reports for the config in that environment.
final class PlanCredentialCheckTests: XCTestCase {
    private let toml = """
    [models.gpt]
    routing = ["openai", "claude", "azure", "keyfile"]

    [models.gpt.providers.openai]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = { default = "dynamic::customer_key", fallback = "env::OPENAI_API_KEY" }

    [models.gpt.providers.claude]
    type = "anthropic"
    model_name = "claude"

    [models.gpt.providers.azure]
    type = "azure"
    deployment_id = "d"
    endpoint = "https://unit.openai.azure.com"

    [models.gpt.providers.keyfile]
    type = "gcp_vertex_anthropic"
    model_id = "claude"
    location = "us-east5"
    project_id = "p"
    credential_location = "path::keys/sa.json"

    [functions.answer]
    type = "chat"

    [functions.answer.variants.v]
    type = "chat_completion"
    model = "gpt"
    """

    private let fullEnvironment = ["OPENAI_API_KEY": "sk", "ANTHROPIC_API_KEY": "an", "AZURE_API_KEY": "az"]

    private func readBackPlan(_ scratch: ScratchFolder) throws -> RoutingPlan {
        let outcome = compile(toml, env: fullEnvironment, files: ["keys/sa.json": KeyFixtures.serviceAccountJSON()], scratch: scratch)
        let plan = try XCTUnwrap(outcome.plan, outcome.listing)
        return try PlanFile.decode(Array(plan.canonicalJSON.utf8), path: "plan.json")
    }

    func testTheSameEnvironmentStartsCleanly() throws {
        let scratch = ScratchFolder()
        let plan = try readBackPlan(scratch)
        let check = StartupCredentialCheck(environment: Environment(fullEnvironment), workingDirectory: scratch.path)
        XCTAssertEqual(PlanCredentialCheck.diagnostics(plan, check: check), [])
    }

    func testAMissingVariableOrFileGivesCheckDiagnostics() throws {
        let scratch = ScratchFolder()
        let plan = try readBackPlan(scratch)
        try FileManager.default.removeItem(atPath: scratch.absolute("keys/sa.json"))
        let environment = ["AZURE_OPENAI_API_KEY": "legacy", "HOME": scratch.absolute("home")]
        let findings = PlanCredentialCheck.diagnostics(plan, check: StartupCredentialCheck(environment: Environment(environment), workingDirectory: scratch.path))
        let checked = compile(toml, env: environment, scratch: scratch).diagnostics.filter {
            [.environmentVariableMissing, .credentialFileUnreadable, .azureLegacyKey].contains($0.code)
        }
        XCTAssertEqual(findings.map(\.description), checked.map(\.description))
        XCTAssertEqual(Set(findings.map(\.code)), [.environmentVariableMissing, .credentialFileUnreadable, .azureLegacyKey])
        XCTAssertEqual(findings.filter { $0.severity == .error }.count, 3, findings.map(\.description).joined(separator: "\n"))
    }
}
