import Foundation
import XCTest
import SwitchyardConfig
import SwitchyardPlan
@testable import SwitchyardEngine

/// The engine renders the request's input with the chosen variant's templates before its first attempt, as
/// TensorZero 2026.6.0 does (outcomes and wording checked against its gateway).
final class InputRenderingTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("switchyard-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = [
            "system.minijinja": "System: {{ system_text }}",
            "user.minijinja": "User: {{ user_text }}\n",
            "greet.minijinja": "Hello {{ name }}{% if title is defined %}, {{ title }}{% endif %}",
        ]
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: folder)
    }

    /// Variant `a` has every template, `b` none.
    private func engine() throws -> Engine {
        let toml = TestConfig.variantsWithOwnModels(["a", "b"], extra: [
            "a": "system_template = \"system.minijinja\"\nuser_template = \"user.minijinja\"\ntemplates.greet.path = \"greet.minijinja\"",
        ])
        let loaded = ConfigLoader.load(text: toml, file: "\(folder)/tensorzero.toml")
        let compilation = Compiler.compile(loaded, environment: Environment(TestConfig.env))
        let plan = try XCTUnwrap(compilation.plan, compilation.diagnostics.map(\.description).joined(separator: "\n"))
        return Engine(plan: plan, environment: Environment(TestConfig.env))
    }

    private func input(system: String? = nil, systemArguments: JSONValue? = nil, _ blocks: [ContentBlock]) -> InferencePayload {
        var payload = InferencePayload(system: system, messages: [.init(role: .user, blocks: blocks)])
        payload.systemArguments = systemArguments
        return payload
    }

    private func run(_ payload: InferencePayload, pinned: String? = nil, episode: EpisodeID = Episodes.u024) throws -> Run {
        var request = request(episode: episode, pinned: pinned)
        request.payload = payload
        return drive(try engine(), request)
    }

    func testRoleTemplatesWrapTextAndNamedTemplatesRenderArguments() throws {
        let result = try run(input(system: "be brief", [
            .text("hi"), .template(name: "greet", arguments: .object(["name": .string("Ann"), "title": .string("Dr")])), .rawText("{{ raw }}"),
        ]), pinned: "a")
        XCTAssertEqual(result.result.status, 200)
        let payload = try XCTUnwrap(result.attempts.first?.payload)
        XCTAssertEqual(payload.system, "System: be brief")
        XCTAssertEqual(payload.messages.map(\.text), [["User: hi", "Hello Ann, Dr", "{{ raw }}"]])
        XCTAssertFalse(payload.hasTemplateArguments)
    }

    func testAVariantWithoutTemplatesSendsTextAsItIs() throws {
        let result = try run(input(system: "be brief", [.text("hi"), .rawText("raw")]), pinned: "b")
        XCTAssertEqual(result.attempts.first?.payload.system, "be brief")
        XCTAssertEqual(result.attempts.first?.payload.messages.map(\.text), [["hi", "raw"]])
    }

    func testAMissingSystemFillsSystemTextWithNone() throws {
        let result = try run(input([.text("hi")]), pinned: "a")
        XCTAssertEqual(result.attempts.first?.payload.system, "System: none")
    }

    func testArgumentsForATemplateNoVariantHasFailBeforeAnyVariant() throws {
        let result = try run(input([.template(name: "nope", arguments: .object([:]))]))
        XCTAssertEqual(result.result.status, 400)
        XCTAssertEqual(result.message, "Message at index 0 has non-string content but there is no template `nope` in any variant")
        XCTAssertTrue(result.attempts.isEmpty)
        let system = try run(input(systemArguments: .object(["a": .int(1)]), [.text("hi")]))
        XCTAssertEqual(system.message, "System message has non-string content but there is no template `system` in any variant")
    }

    func testAPinnedVariantWithoutTheTemplateIsA400() throws {
        let result = try run(input([.template(name: "greet", arguments: .object(["name": .string("Ann")]))]), pinned: "b")
        XCTAssertEqual(result.result.status, 400)
        XCTAssertEqual(result.message, "Template `greet` not found")
        XCTAssertTrue(result.attempts.isEmpty)
    }

    func testARenderFailureOfAPinnedVariantIsA500WithMiniJinjasWording() throws {
        let result = try run(input([.template(name: "greet", arguments: .object([:]))]), pinned: "a")
        XCTAssertEqual(result.result.status, 500)
        XCTAssertEqual(result.message, "Error rendering template greet.minijinja: Could not render template: undefined value (in greet.minijinja:1)")
        XCTAssertTrue(result.attempts.isEmpty)
    }

    func testRenderFailuresMoveToTheNextVariantWithoutRetries() throws {
        // u = 0.024: `a` first, then `b`.
        let result = try run(input([.template(name: "greet", arguments: .object([:]))]))
        XCTAssertEqual(result.result.status, 502)
        XCTAssertEqual(result.message, """
            All variants failed with errors: a: Error rendering template greet.minijinja: Could not render template: undefined value (in greet.minijinja:1)
            b: Template `greet` not found
            """)
        XCTAssertTrue(result.attempts.isEmpty)
        let served = try run(input([.template(name: "greet", arguments: .object(["name": .string("Bo")]))]))
        XCTAssertEqual(served.variants, ["a"])
        XCTAssertEqual(served.attempts.first?.payload.messages.map(\.text), [["Hello Bo"]])
    }
}
