import XCTest
import SwitchyardConfig
@testable import SwitchyardSimulator

/// `simulate --coverage`: what the requests exercised, and exactly what they did not.
final class CoverageRecorderTests: XCTestCase {
    private func coverage(config: String, phases: String, environment: String) throws -> CoverageReport {
        let recorder = CoverageRecorder()
        let report = try runScenario(
            config: config, scenario: "config = \"tensorzero.toml\"\n\n[env]\n\(environment)\n\(phases)", options: .init(coverage: recorder)
        )
        XCTAssertTrue(report.errors.isEmpty, "\(report.errors)")
        return recorder.report()
    }

    func testAPinnedVariantLeavesTheOtherSideUnexercised() throws {
        let report = try coverage(config: twoKeyConfig, phases: """
            [[phase]]
            name = "only v1"
            send = { function = "f", variant = "v1", count = 20 }
            """, environment: "KEY1 = \"a\"\nKEY2 = \"b\"")
        XCTAssertEqual(report.configs.count, 1)
        XCTAssertEqual(report.configs[0].missed.map(\.name), ["f.v2", "m2", "m2.p", "env::KEY2"])
        XCTAssertEqual(report.exercisedCount, 5)
        XCTAssertEqual(report.itemCount, 9)
        XCTAssertEqual(report.percentText, "55.5%")
    }

    func testBothSidesOfAFallbackCredentialAndTheRoutingEdge() throws {
        let config = """
            [models.m]
            routing = ["first", "second"]

            [models.m.providers.first]
            type = "openai"
            model_name = "gpt-4o-mini"
            api_key_location = { default = "dynamic::caller", fallback = "env::TEAM" }

            [models.m.providers.second]
            type = "openai"
            model_name = "gpt-4o"
            api_key_location = "env::OTHER"

            [functions.f]
            type = "chat"

            [functions.f.variants.v]
            type = "chat_completion"
            model = "m"
            """
        let environment = "TEAM = \"t\"\nOTHER = \"o\""
        let withKey = try coverage(config: config, phases: """
            [[phase]]
            name = "caller's key"
            send = { function = "f", count = 5, credentials = { caller = "c" } }
            """, environment: environment)
        XCTAssertEqual(withKey.configs[0].missed.map(\.name), [
            "m.second", "env::OTHER", "env::TEAM (fallback side)", "m: first → second",
        ])
        let everything = try coverage(config: config, phases: """
            [[phase]]
            name = "caller's key"
            send = { function = "f", count = 5, credentials = { caller = "c" } }

            [[phase]]
            name = "no key: the fallback side"
            send = { function = "f", count = 5 }

            [[phase]]
            name = "first provider down"
            upstream."m.first".respond = "503"
            send = { function = "f", count = 5 }
            """, environment: environment)
        XCTAssertEqual(everything.configs[0].missed, [])
        XCTAssertEqual(everything.percentText, "100%")
    }
}
