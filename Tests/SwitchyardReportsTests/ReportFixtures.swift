import Foundation
import SwitchyardReports

/// Reports built by hand, covering every shape a renderer must handle.
enum ReportFixtures {
    /// 2026-06-01T09:30:00.250Z.
    static let start = Date(timeIntervalSince1970: 1_780_306_200.25)

    static func check(_ name: String, _ expected: String, _ observed: String, _ passed: Bool) -> ExpectationCheck {
        ExpectationCheck(name: name, expected: expected, observed: observed, passed: passed)
    }

    /// One scenario whose two phases pass.
    static var passing: ScenarioReport {
        ScenarioReport(
            file: "scenarios/load-balancing/keys.scenario.toml",
            name: "Two OpenAI keys share the traffic",
            config: "tensorzero.toml",
            seed: 1,
            timestamp: start,
            wallSeconds: 0.5124,
            phases: [
                PhaseReport(
                    name: "healthy: even split", wallSeconds: 0.412, requests: 2000,
                    summary: ["status: 200×2000", "variants: gpt_4o_mini_1 1003, gpt_4o_mini_2 997"],
                    checks: [
                        check("status.200", "all (2000)", "2000", true),
                        check("variant_share.gpt_4o_mini_1", "0.5 ± 0.03", "0.5015", true),
                    ],
                    error: nil),
                PhaseReport(
                    name: "quiet", wallSeconds: 0.1004, requests: 1,
                    summary: [], checks: [check("status.200", "all (1)", "1", true)], error: nil),
            ],
            errors: [])
    }

    /// One scenario with a passing phase, a phase with two unmet expectations and a phase that errored.
    static var mixed: ScenarioReport {
        ScenarioReport(
            file: "scenarios/fallback/revoked.scenario.toml",
            name: "A revoked key fails over",
            config: "config/*.toml",
            seed: 42,
            timestamp: Date(timeIntervalSince1970: 951_782_400),
            wallSeconds: 1.25,
            phases: [
                PhaseReport(
                    name: "healthy", wallSeconds: 0.25, requests: 100, summary: ["status: 200×100"],
                    checks: [check("status.200", "all (100)", "100", true)], error: nil),
                PhaseReport(
                    name: "key 2 revoked", wallSeconds: 0.5, requests: 1000,
                    summary: ["status: 200×900 401×100", "served by: gpt_4o_mini_1.openai 900"],
                    checks: [
                        check("status.200", "all (1000)", "900", false),
                        check("served_by.gpt_4o_mini_1.openai", "all (1000)", "900", false),
                        check("attempts", "1000", "1000", true),
                    ],
                    error: nil),
                PhaseReport(
                    name: "restart without keys", wallSeconds: 0.001, requests: 0, summary: [],
                    checks: [check("startup", "ok", "error", false)],
                    error: "gateway failed to start: Environment variable `OPENAI_API_KEY` is missing"),
            ],
            errors: [])
    }

    /// A scenario that could not run at all.
    static var broken: ScenarioReport {
        ScenarioReport(
            file: "scenarios/broken.scenario.toml",
            name: "broken.scenario.toml",
            config: "tensorzero.toml",
            seed: 0,
            timestamp: start,
            wallSeconds: 0.003,
            phases: [],
            errors: [
                "scenarios/broken.scenario.toml:3:1: error[SY0101]: unknown field `sned`",
                "scenarios/broken.scenario.toml:9:12: error[SY0103]: `phase[0].send.count`: expected an integer",
            ])
    }

    /// Markup characters, non-ASCII text, line breaks and characters XML cannot carry, everywhere.
    static var hostile: ScenarioReport {
        ScenarioReport(
            file: "scenarios/ünïcode/<&\"'>.scenario.toml",
            name: "Lastverteilung <&\"'> — Ölpreis 日本語 🚂",
            config: "a&b<c>.toml",
            seed: UInt64.max,
            timestamp: start,
            wallSeconds: 2,
            phases: [
                PhaseReport(
                    name: "phase <&\"'> ✓ ]]> ünï", wallSeconds: 1, requests: 3,
                    summary: ["line with <tag> & \"quotes\" 'apos'", "tab\there, bell\u{07}here"],
                    checks: [
                        check("status.<&>", "\"all\" (3)", "'2' — ✗", false),
                        check("error", "contains «é»", "contains «é»", true),
                    ],
                    error: nil),
                PhaseReport(
                    name: "multi\nline\r\nname", wallSeconds: 1, requests: 0, summary: [],
                    checks: [], error: "first line <a>\nsecond line & more\u{0}\u{1B}[31m"),
            ],
            errors: ["bad <path> & \"file\"\nsecond line"])
    }

    /// Every shape in one report: 4 scenarios.
    static var full: SimulationReport {
        SimulationReport(scenarios: [passing, mixed, broken, hostile])
    }
}
