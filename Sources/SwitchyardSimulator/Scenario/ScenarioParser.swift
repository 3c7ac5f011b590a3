import Foundation
import SwitchyardConfig

/// Reads `*.scenario.toml` files (DESIGN.md, "Scenario files") into `Scenario` values.
///
/// Every problem is reported in one run, each at the `file:line:col` of the offending key or value, with its key
/// path (`phase[1].send.count`; phases are numbered from 0 in file order) and a stable code: `SY0001` TOML syntax,
/// `SY0003` unreadable file, `SY0101` unknown key (listing the expected ones), `SY0102` missing key, `SY0103` wrong type, `SY0104` value not
/// accepted, `SY0201` malformed credential location, `SY0801` malformed `respond` script (pointing at the bad
/// step), `SY0802` malformed duration. A scenario is returned only when no error was found.
///
/// Positions kept in the model: an upstream script is located at its `MODEL.PROVIDER` key, a send's target at
/// the `function` / `model` value, `revoke` and `unset` items at their strings, the entries of `expect` tables
/// (`status`, `served_by`, `variant`, `variant_share`, `credential`) at their keys, other expectations at
/// their values, and `expect.startup` implied by `startup_error` at `startup_error`.
///
/// Choices where DESIGN.md is silent (what a user who relies on scenarios to catch mistakes expects):
/// - `config` is resolved against the scenario file's folder unless absolute (leading `./` segments are dropped;
///   `~` is not expanded). A scenario file named without a folder keeps a plain path as is and prefixes a glob
///   that starts with a wildcard with `./`, so that it matches.
/// - `seed` is a non-negative integer, default 1. `[env]`, a phase's `env` and `send.credentials` hold strings only.
/// - Upstream keys must look like `MODEL.PROVIDER` or a shorthand model (`openai::gpt-4o-mini`); a key split by
///   TOML's dotted-key rules (`[upstream.m.p]` instead of `[upstream."m.p"]`) is reported with the quoted form.
///   Whether the model and provider exist is checked later, against the config, at the key's position.
/// - Phase names are required, non-empty and unique within the file.
/// - A phase's `unset` may only name variables of the top-level `[env]`, and not ones its own `env` sets; `revoke`
///   takes `env::NAME` (set in the phase's environment) or `dynamic::KEY` (passed by one of the phase's sends)
///   locations only: anything else would change nothing and hide a typo.
/// - `send = []` is an error (leave `send` out for a phase that only (re)starts the gateway); `count` is at least 1,
///   `every` a duration string (default 0), `episode` `"random"` (default), `"shared"` or a UUID.
/// - Expectations about requests (everything but `startup` and `startup_error`) need a `send`; a phase expecting
///   `startup = "error"` cannot send. `startup_error` implies `startup = "error"`, and contradicts `startup = "ok"`.
/// - Counts that no run could meet are rejected: one above the phase's request total, a table whose counts add up
///   to more than it, or `"all"` beside another non-zero count. `variant_share` values lie in [0, 1] and add up
///   to at most 1. `tolerance` (≥ 0) needs `variant_share`; when absent it stays `nil` and the evaluator applies
///   its default. `latency_ms` names `p50` and/or `p99` (milliseconds, ≥ 0). Empty `error` / `startup_error`
///   substrings are rejected (they match anything).
public enum ScenarioParser {
    /// Reads and parses the scenario file at `path`.
    public static func parse(file path: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Diagnostic(.fileUnreadable, at: SourceLocation(file: path, line: 1, column: 1), "cannot read the scenario file")])
        }
        let bytes = [UInt8](data)
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(bytes: bytes, file: path)
        } catch {
            return (nil, [syntaxDiagnostic(error)])
        }
        return read(root, text: String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses scenario text that is not on disk; `file` is recorded in every location and anchors `config`.
    public static func parse(text: String, file: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text, file: file)
        } catch {
            return (nil, [syntaxDiagnostic(error)])
        }
        return read(root, text: text, file: file)
    }

    /// `pattern` (a path or glob from `config`) as seen from the working directory, given the scenario file's path.
    public static func resolveConfigPattern(_ pattern: String, relativeTo scenarioFile: String) -> String {
        if pattern.hasPrefix("/") { return pattern }
        var relative = Substring(pattern)
        while relative.hasPrefix("./") {
            relative = relative.dropFirst(2).drop { $0 == "/" }
        }
        if relative.isEmpty { relative = "." }
        guard let slash = scenarioFile.lastIndex(of: "/") else {
            let firstSegment = relative.prefix { $0 != "/" }
            return firstSegment.contains(where: { "*?[".contains($0) }) ? "./\(relative)" : String(relative)
        }
        let folder = scenarioFile[...slash]
        return "\(folder)\(relative)"
    }

    private static func read(_ root: TOMLTable, text: String, file: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        let reader = ScenarioReader(file: file, source: ScenarioSourceText(text), diagnostics: DiagnosticCollector())
        let scenario = reader.readScenario(root)
        let diagnostics = reader.diagnostics.diagnostics.sortedForDisplay()
        return (diagnostics.hasErrors ? nil : scenario, diagnostics)
    }

    private static func syntaxDiagnostic(_ error: TOMLSyntaxError) -> Diagnostic {
        Diagnostic(.tomlSyntax, at: error.location, "Failed to parse scenario file as valid TOML: \(error.message)")
    }
}
