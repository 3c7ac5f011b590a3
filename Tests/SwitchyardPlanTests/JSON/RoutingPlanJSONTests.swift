import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// The plan's canonical JSON (`switchyard compile -o`): byte-stable, sorted keys, trailing newline.
final class RoutingPlanJSONTests: XCTestCase {
    private let toml = """
    [gateway]
    global_outbound_http_timeout_ms = 600000

    [models.gpt]
    routing = ["openai", "azure"]
    timeouts = { non_streaming = { total_ms = 30000 } }

    [models.gpt.providers.openai]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = { default = "dynamic::customer_key", fallback = "env::OPENAI_API_KEY" }
    extra_headers = [{ name = "X-Team", value = "team-blue-42" }]

    [models.gpt.providers.azure]
    type = "azure"
    deployment_id = "gpt-4o-mini"
    endpoint = "https://unit.openai.azure.com"

    [functions.answer]
    type = "chat"

    [functions.answer.variants.zeta]
    type = "chat_completion"
    model = "gpt"
    retries = { num_retries = 2, max_delay_s = 5 }

    [functions.answer.variants.alpha]
    type = "chat_completion"
    model = "anthropic::claude-haiku-4-5"

    [functions.answer.experimentation]
    type = "static"
    candidate_variants = { zeta = 2, alpha = 1 }

    """

    private let env = ["OPENAI_API_KEY": "sk", "AZURE_API_KEY": "az", "ANTHROPIC_API_KEY": "an"]

    func testPlanJSONIsIdenticalAcrossCompilations() throws {
        let scratch = ScratchFolder()
        let first = try XCTUnwrap(compile(toml, env: env, scratch: scratch).plan).canonicalJSON
        let second = try XCTUnwrap(compile(toml, env: env, scratch: scratch).plan).canonicalJSON
        XCTAssertEqual(first, second)
    }

    func testPlanJSONEndsWithOneNewline() throws {
        let text = try XCTUnwrap(compile(toml, env: env).plan).canonicalJSON
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertFalse(text.hasSuffix("\n\n"))
    }

    func testEveryObjectInThePlanHasSortedKeys() throws {
        let text = try XCTUnwrap(compile(toml, env: env).plan).canonicalJSON
        var scanner = KeyOrderScanner(Array(text.utf8))
        try scanner.scanValue()
        XCTAssertGreaterThan(scanner.objectCount, 10)
        XCTAssertEqual(scanner.unsortedObjects, [], "objects whose keys are out of order")
    }

    func testPlanJSONDescribesRoutingCredentialsAndSampling() throws {
        let text = try XCTUnwrap(compile(toml, env: env).plan).canonicalJSON
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, "switchyard.plan/1")
        XCTAssertEqual((object["gateway"] as? [String: Any])?["global_outbound_http_timeout_ms"] as? Int, 600000)
        let routing = ((object["models"] as? [String: Any])?["gpt"] as? [String: Any])?["routing"] as? [[String: Any]]
        XCTAssertEqual(routing?.map { $0["name"] as? String }, ["openai", "azure"])
        let links = routing?.first?["credentials"] as? [[String: Any]]
        XCTAssertEqual(links?.map { $0["role"] as? String }, ["default", "fallback"])
        XCTAssertEqual(links?.map { $0["status"] as? String }, ["per_request", "available"])
        XCTAssertEqual(routing?.first?["extra_headers"] as? [String], ["X-Team"])
        let credentials = object["credentials"] as? [String: [String: Any]]
        XCTAssertEqual(credentials?["env::AZURE_API_KEY"]?["used_by"] as? [String], ["models.gpt.providers.azure"])
        XCTAssertEqual(credentials?["env::ANTHROPIC_API_KEY"]?["status"] as? String, "checked_on_first_use")
        let sampling = ((object["functions"] as? [String: Any])?["answer"] as? [String: Any])?["sampling"] as? [String: Any]
        XCTAssertEqual(sampling?["policy"] as? String, "static")
        XCTAssertNotNil(((object["shorthand_models"] as? [String: Any])?["anthropic::claude-haiku-4-5"]))
    }

    func testPlainHeaderValuesAreInThePlanAndCredentialLikeOnesAreWithheld() throws {
        let credentialLike = toml.replacingOccurrences(
            of: #"[{ name = "X-Team", value = "team-blue-42" }]"#,
            with: #"[{ name = "X-Team", value = "team-blue-42" }, { name = "X-Upstream-Token", value = "tok-canary-7" }]"#
        )
        let text = try XCTUnwrap(compile(credentialLike, env: env).plan).canonicalJSON
        XCTAssertTrue(text.contains(#""value": "team-blue-42""#), "plain values are kept so `serve --plan` can send them")
        XCTAssertFalse(text.contains("tok-canary-7"))
        XCTAssertTrue(text.contains(#""name": "X-Upstream-Token","#))
        XCTAssertTrue(text.contains(#""withheld": true"#))
    }
}

/// Walks JSON text and records every object whose keys are not in ascending byte order.
struct KeyOrderScanner {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var index = 0
    private(set) var objectCount = 0
    private(set) var unsortedObjects: [[String]] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func scanValue() throws {
        skipSpace()
        guard index < bytes.count else { throw Malformed() }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            objectCount += 1
            var keys: [String] = []
            skipSpace()
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                keys.append(try scanString())
                skipSpace()
                guard bytes[index] == UInt8(ascii: ":") else { throw Malformed() }
                index += 1
                try scanValue()
                skipSpace()
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "}") else { throw Malformed() }
                index += 1
                break
            }
            if keys != keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) { unsortedObjects.append(keys) }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            while true {
                try scanValue()
                skipSpace()
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "]") else { throw Malformed() }
                index += 1
                break
            }
        case UInt8(ascii: "\""):
            _ = try scanString()
        default:
            while index < bytes.count, !",}] \n".utf8.contains(bytes[index]) { index += 1 }
        }
    }

    private mutating func scanString() throws -> String {
        guard bytes[index] == UInt8(ascii: "\"") else { throw Malformed() }
        index += 1
        let start = index
        while bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
        defer { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
    }
}

/// A best-of-N evaluator's settings in the plan and back.
final class JudgePlanJSONTests: XCTestCase {
    func testTheEvaluatorIsANestedChatCompletionPlanThatReadsBack() throws {
        let toml = Snippet.openAIModel("gpt") + """
        [functions.answer]
        type = "json"

        [functions.answer.variants.a]
        type = "chat_completion"
        model = "gpt"
        json_mode = "strict"

        [functions.answer.variants.bon]
        type = "experimental_best_of_n_sampling"
        candidates = ["a", "a"]

        [functions.answer.variants.bon.evaluator]
        model = "gpt"
        json_mode = "tool"
        retries = { num_retries = 2, max_delay_s = 3 }
        extra_body = [{ pointer = "/seed", value = 7 }]
        """
        let outcome = compile(toml, env: Snippet.openAIEnvironment)
        let plan = try XCTUnwrap(outcome.plan, outcome.listing)
        let judge = try XCTUnwrap(plan.functions["answer"]?.variants["bon"]?.judge)
        XCTAssertEqual(judge.name, "bon.evaluator")
        XCTAssertEqual(judge.model, "gpt")
        XCTAssertEqual(judge.jsonMode, "tool")
        XCTAssertEqual(judge.numRetries, 2)
        XCTAssertEqual(judge.maxDelaySeconds, 3)
        XCTAssertEqual(judge.extraBody.count, 1)
        XCTAssertEqual(plan.functions["answer"]?.variants["bon"]?.judgeModel, "gpt")
        let text = plan.canonicalJSON
        let readBack = try PlanFile.decode(Array(text.utf8), path: "plan.json")
        XCTAssertEqual(readBack.canonicalJSON, text)
        XCTAssertEqual(readBack.functions["answer"]?.variants["bon"]?.judge?.numRetries, 2)
    }
}
