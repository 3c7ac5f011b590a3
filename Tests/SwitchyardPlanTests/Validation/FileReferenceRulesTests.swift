import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// Templates, schemas and tool parameter files are read at load, relative to the config file that names
/// them (reference §4, conformance cases 055, 243, 257–259).
final class FileReferenceRulesTests: XCTestCase {
    private let env = Snippet.openAIEnvironment

    private func chatFunction(variantExtra: String, functionExtra: String = "", type: String = "chat") -> String {
        Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "\(type)"
        \(functionExtra)

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "gpt"
        \(variantExtra)

        """
    }

    func testMissingTemplateFileIsAnError() {
        let outcome = compile(chatFunction(variantExtra: "system_template = \"missing.minijinja\""), env: env, onDisk: true)
        assertDiagnostic(
            outcome, .templateFile, .error, path: "functions.answer.variants.alpha.system_template",
            at: outcome.position(of: "\"missing.minijinja\""),
            messageContains: ["Failed to resolve path `missing.minijinja`", "No such file or directory"]
        )
    }

    func testTemplateFileBesideTheConfigIsAccepted() {
        let outcome = compile(
            chatFunction(variantExtra: "system_template = \"templates/system.minijinja\""), env: env,
            files: ["templates/system.minijinja": "You are helpful."], onDisk: true
        )
        assertNoDiagnostic(outcome, .templateFile)
        assertNoErrors(outcome)
    }

    func testNamedTemplatePathIsChecked() {
        let toml = chatFunction(variantExtra: "templates.greeting.path = \"greeting.minijinja\"")
        let outcome = compile(toml, env: env, onDisk: true)
        assertDiagnostic(
            outcome, .templateFile, .error, path: "functions.answer.variants.alpha.templates.greeting",
            at: outcome.position(of: "\"greeting.minijinja\""), messageContains: ["`greeting.minijinja`"]
        )
        assertNoDiagnostic(compile(toml, env: env, files: ["greeting.minijinja": "Hi"], onDisk: true), .templateFile)
    }

    func testMissingOutputSchemaIsAnError() {
        let toml = chatFunction(variantExtra: "json_mode = \"strict\"", functionExtra: "output_schema = \"missing_schema.json\"", type: "json")
        let outcome = compile(toml, env: env, onDisk: true)
        assertDiagnostic(
            outcome, .templateFile, .error, path: "functions.answer.output_schema",
            at: outcome.position(of: "\"missing_schema.json\""), messageContains: ["Failed to resolve path `missing_schema.json`"]
        )
        assertNoDiagnostic(compile(toml, env: env, files: ["missing_schema.json": "{}"], onDisk: true), .templateFile)
    }

    func testMissingSystemSchemaIsAnError() {
        let toml = chatFunction(variantExtra: "", functionExtra: "system_schema = \"system_schema.json\"")
        let outcome = compile(toml, env: env, onDisk: true)
        assertDiagnostic(
            outcome, .templateFile, .error, path: "functions.answer.system_schema",
            at: outcome.position(of: "\"system_schema.json\""), messageContains: ["`system_schema.json`"]
        )
    }

    func testMissingToolParametersFileIsAnError() {
        let toml = """
        [tools.lookup]
        description = "Look something up"
        parameters = "missing.json"

        """
        let outcome = compile(toml, onDisk: true)
        assertDiagnostic(
            outcome, .templateFile, .error, path: "tools.lookup.parameters", at: outcome.position(of: "\"missing.json\""),
            messageContains: ["Failed to resolve path `missing.json`"]
        )
        assertNoDiagnostic(compile(toml, files: ["missing.json": "{}"], onDisk: true), .templateFile)
    }

    /// Paths resolve against the folder of the file that names them, not the working directory.
    func testPathsResolveAgainstTheConfigFilesFolder() {
        let scratch = ScratchFolder()
        scratch.write("config/templates/system.minijinja", "Hello")
        scratch.write("templates/other.minijinja", "Hello")
        let toml = chatFunction(variantExtra: "system_template = \"templates/system.minijinja\"\nuser_template = \"templates/other.minijinja\"")
        let path = scratch.write("config/tensorzero.toml", toml)
        let compilation = Compiler.compile(ConfigLoader.load(path), environment: Environment(env), workingDirectory: scratch.path)
        let problems = compilation.diagnostics.filter { $0.code == .templateFile }
        XCTAssertEqual(problems.map(\.keyPath), ["functions.answer.variants.alpha.user_template"], compilation.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(problems.first?.location?.file, path)
    }
}
