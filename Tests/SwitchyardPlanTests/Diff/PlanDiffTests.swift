import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `switchyard diff`: the routing change in words, and the review rules it crosses.
final class PlanDiffTests: XCTestCase {
    private func plan(_ toml: String, file: StaticString = #filePath, line: UInt = #line) throws -> RoutingPlan {
        let outcome = compile(toml, env: ["KEY1": "a", "KEY2": "b", "KEY3": "c"])
        return try XCTUnwrap(outcome.plan, outcome.listing, file: file, line: line)
    }

    private func config(weights: (Double, Double) = (0.5, 0.5), secondKey: String = "KEY2", routing: String = #"["p", "backup"]"#) -> String {
        """
        [models.m1]
        routing = ["p"]

        [models.m1.providers.p]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::KEY1"

        [models.m2]
        routing = \(routing)

        [models.m2.providers.p]
        type = "openai"
        model_name = "gpt-4o-mini"
        api_key_location = "env::\(secondKey)"

        [models.m2.providers.backup]
        type = "openai"
        model_name = "gpt-4o"
        api_key_location = "env::KEY3"

        [functions.f]
        type = "chat"

        [functions.f.variants.v1]
        type = "chat_completion"
        model = "m1"

        [functions.f.variants.v2]
        type = "chat_completion"
        model = "m2"

        [functions.f.experimentation]
        type = "static"
        candidate_variants = { v1 = \(weights.0), v2 = \(weights.1) }
        """
    }

    func testTheSameConfigHasNoChanges() throws {
        let diff = PlanDiff(old: try plan(config()), new: try plan(config()), oldName: "a", newName: "b")
        XCTAssertTrue(diff.isEmpty)
        XCTAssertEqual(diff.crossed, [])
        XCTAssertEqual(diff.markdown(), "### Routing changes: `a` → `b`\n\nNo routing changes.\n")
    }

    func testBestOfNCandidateAndEvaluatorChangesAreNamed() throws {
        func bestOfN(candidates: String, retries: Int) -> String {
            config() + """

                [functions.f.variants.bon]
                type = "experimental_best_of_n_sampling"
                candidates = \(candidates)

                [functions.f.variants.bon.evaluator]
                model = "m1"
                retries = { num_retries = \(retries), max_delay_s = 10 }
                """
        }
        let diff = PlanDiff(
            old: try plan(bestOfN(candidates: #"["v1", "v2"]"#, retries: 0)), new: try plan(bestOfN(candidates: #"["v1", "v1"]"#, retries: 2)),
            oldName: "a", newName: "b"
        )
        XCTAssertEqual(diff.functions.flatMap(\.lines).filter { $0.hasPrefix("variant `bon") }, [
            "variant `bon`: candidates: `v1`, `v2` → `v1`, `v1`",
            "variant `bon.evaluator`: retries: 0 (max delay 10.0 s) → 2 (max delay 10.0 s)",
        ])
    }

    func testShiftedWeightsSayWhereTrafficMoves() throws {
        let diff = PlanDiff(old: try plan(config()), new: try plan(config(weights: (0.8, 0.2))), oldName: "a", newName: "b")
        XCTAssertEqual(diff.functions.map(\.lines), [[
            "variant shares of first choices: `v1` 50% → 80%, `v2` 50% → 20%",
            "traffic (healthy, by first provider and credential): `m1.p (env::KEY1)` 50% → 80%, `m2.p (env::KEY2)` 50% → 20%",
        ]])
        XCTAssertEqual(diff.models.map(\.lines), [])
    }

    func testCredentialAndRoutingChangesAreNamedPerProvider() throws {
        let diff = PlanDiff(
            old: try plan(config()), new: try plan(config(secondKey: "KEY1", routing: #"["backup", "p"]"#)),
            oldName: "a", newName: "b"
        )
        XCTAssertEqual(diff.models.map(\.title), ["model `m2` (used by `f`)"])
        XCTAssertEqual(diff.models.first?.lines, [
            "routing order: `p`, `backup` → `backup`, `p`",
            "provider `p`: credentials: `env::KEY2` → `env::KEY1`",
        ])
        XCTAssertEqual(diff.credentials, ["removed `env::KEY2`"])
        XCTAssertEqual(diff.crossed.map(\.rule), [.credentialChanged])
        XCTAssertEqual(diff.denied(by: [.credentialChanged]).count, 1)
        XCTAssertEqual(diff.denied(by: [.lostLastFallback]), [])
    }

    func testLosingTheLastFallbackAndTheSecondCredentialAreCrossedRules() throws {
        let old = try plan(config())
        // v2 gone from the candidates: f is served by m1.p alone, with one key.
        let new = try plan(config(weights: (1, 0)).replacingOccurrences(of: ", v2 = 0.0", with: ""))
        let diff = PlanDiff(old: old, new: new, oldName: "a", newName: "b")
        XCTAssertEqual(Set(diff.crossed.map(\.rule)), [.lostLastFallback, .singleCredential])
        XCTAssertEqual(
            diff.crossed.first { $0.rule == .lostLastFallback }?.message,
            "`f` loses its last fallback: it could be served by `m1.p`, `m2.backup`, `m2.p`, now only by `m1.p`"
        )
        let markdown = diff.markdown(denying: [.lostLastFallback])
        XCTAssertTrue(markdown.contains("- ❌ denied `lost-last-fallback`: `f` loses its last fallback"), markdown)
        XCTAssertTrue(markdown.contains("- ⚠️ `single-credential`: `f` now has one credential, `env::KEY1`, on every path"), markdown)
        // A fallback variant keeps a second route: nothing is lost.
        let kept = try plan(config(weights: (1, 0)).replacingOccurrences(of: ", v2 = 0.0", with: "") + "\nfallback_variants = [\"v2\"]\n")
        XCTAssertEqual(PlanDiff(old: old, new: kept, oldName: "a", newName: "b").crossed, [])
    }

    func testRemovedFunctionsAndVariantsAreCrossedRules() throws {
        let old = try plan(config())
        let fewer = config().replacingOccurrences(of: "[functions.f.variants.v2]\ntype = \"chat_completion\"\nmodel = \"m2\"\n", with: "")
            .replacingOccurrences(of: ", v2 = 0.5", with: "")
        let diff = PlanDiff(old: old, new: try plan(fewer), oldName: "a", newName: "b")
        XCTAssertEqual(diff.crossed.map(\.rule), [.variantRemoved, .lostLastFallback, .singleCredential])
        XCTAssertEqual(diff.functions.first?.lines.first, "variants removed: `v2`")
    }
}
