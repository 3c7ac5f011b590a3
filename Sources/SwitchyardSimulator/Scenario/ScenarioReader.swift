import Foundation
import SwitchyardConfig

/// Decodes one parsed scenario document, reporting every problem to `diagnostics` and carrying on, so that
/// one run finds them all. `ScenarioParser` documents the rules.
struct ScenarioReader {
    let file: String
    let source: ScenarioSourceText
    let diagnostics: DiagnosticCollector

    static let rootFields = ["description", "config", "seed", "env", "upstream", "phase"]
    static let upstreamFields = ["respond", "reply"]

    /// The scenario, or `nil` when a required part could not be read (the diagnostics say why).
    func readScenario(_ root: TOMLTable) -> Scenario? {
        var reader = TableReader(table: root, path: "", location: SourceLocation(file: file, line: 1, column: 1), diagnostics: diagnostics)
        let description = reader.string("description")
        let config = readConfig(&reader)
        let seed = reader.unsigned("seed")
        let environment = reader.value("env").map { readStringEntries($0, path: "env") } ?? []
        let upstreams = reader.value("upstream").map { readUpstreams($0, path: "upstream") } ?? [:]
        let phases = readPhases(&reader, environment: environment)
        reader.rejectUnknownKeys(expected: Self.rootFields)
        guard let config else { return nil }
        return Scenario(
            file: file, description: description?.value, configPattern: config, seed: seed.map { UInt64($0.value) } ?? 1,
            environment: Self.dictionary(environment), upstreams: upstreams, phases: phases
        )
    }

    private func readConfig(_ reader: inout TableReader) -> Located<String>? {
        guard let pattern = reader.string("config", required: true) else { return nil }
        guard !pattern.value.allSatisfy(\.isWhitespace) else {
            diagnostics.report(.invalidValue, at: pattern.location, path: "config", "`config` is empty; name the config file or glob, relative to this scenario file")
            return nil
        }
        return Located(ScenarioParser.resolveConfigPattern(pattern.value, relativeTo: file), at: pattern.location)
    }

    private func readPhases(_ reader: inout TableReader, environment: [(key: Located<String>, value: String)]) -> [Phase] {
        guard let value = reader.value("phase") else {
            diagnostics.report(.missingField, at: reader.location, path: "", "missing field `phase`", notes: ["a scenario needs at least one `[[phase]]`"])
            return []
        }
        guard case .array(let items) = value.kind else {
            reader.reportType("phase", value, expected: "an array of tables (`[[phase]]`)")
            return []
        }
        if items.isEmpty {
            diagnostics.report(.invalidValue, at: value.location, path: "phase", "a scenario needs at least one `[[phase]]`")
        }
        var names: [String: SourceLocation] = [:]
        let topEnvironment = Self.dictionary(environment)
        return items.enumerated().compactMap { index, item in
            readPhase(item, path: "phase[\(index)]", names: &names, topEnvironment: topEnvironment)
        }
    }

    // MARK: Upstreams

    /// `[upstream."KEY"]` tables, at the top level or in a phase: KEY → `{ respond = "SCRIPT", reply = "TEXT" }`
    /// (`reply`, optional: what the upstream's successful answers say).
    func readUpstreams(_ value: TOMLValue, path: String) -> [String: Located<ResponseScript>] {
        guard let table = TableReader(value, path: path, diagnostics: diagnostics) else { return [:] }
        var upstreams: [String: Located<ResponseScript>] = [:]
        for entry in table.table.entries {
            let entryPath = Self.path(path, quoting: entry.key)
            if let split = Self.splitUpstreamKey(entry) {
                diagnostics.report(
                    .invalidValue, at: entry.keyLocation, path: entryPath,
                    "`\(entry.key)` is not an upstream name: TOML split `\(split)` at its dot; quote the key, as in `upstream.\"\(split)\"`"
                )
                continue
            }
            let isName = entry.key.contains(".") || entry.key.contains("::")
            if !isName {
                diagnostics.report(
                    .invalidValue, at: entry.keyLocation, path: entryPath,
                    "`\(entry.key)` is not an upstream name; expected `MODEL.PROVIDER` (quoted, as in `[upstream.\"my_model.openai\"]`) or a shorthand model such as `openai::gpt-4o-mini`"
                )
            }
            guard var upstream = TableReader(entry.value, path: entryPath, diagnostics: diagnostics) else { continue }
            var script = readRespond(&upstream)
            script?.reply = upstream.string("reply")?.value
            upstream.rejectUnknownKeys(expected: Self.upstreamFields)
            if isName, let script {
                upstreams[entry.key] = Located(script, at: entry.keyLocation)
            }
        }
        return upstreams
    }

    /// `MODEL.PROVIDER` when `[upstream.MODEL.PROVIDER]` was written unquoted: a table without `respond` whose
    /// entries are all tables.
    private static func splitUpstreamKey(_ entry: TOMLTable.Entry) -> String? {
        guard case .table(let table) = entry.value.kind, table["respond"] == nil, let first = table.entries.first,
              table.entries.allSatisfy({ if case .table = $0.value.kind { true } else { false } }) else { return nil }
        return "\(entry.key).\(first.key)"
    }

    private func readRespond(_ upstream: inout TableReader) -> ResponseScript? {
        guard let text = upstream.string("respond", required: true) else { return nil }
        let (script, problems) = ResponseScriptParser.parse(text.value)
        let locate = source.offsetLocator(forStringAt: text.location)
        for problem in problems {
            diagnostics.report(
                .respondScriptInvalid, at: problem.offset.map(locate) ?? text.location,
                path: upstream.path(of: "respond"), problem.message
            )
        }
        return script
    }

    // MARK: Shared value readers

    /// A table of string values (`[env]`, `credentials`), in file order; other values are reported.
    func readStringEntries(_ value: TOMLValue, path: String) -> [(key: Located<String>, value: String)] {
        guard let table = TableReader(value, path: path, diagnostics: diagnostics) else { return [] }
        var entries: [(key: Located<String>, value: String)] = []
        for entry in table.table.entries {
            guard case .string(let text) = entry.value.kind else {
                diagnostics.report(
                    .wrongType, at: entry.value.location, path: Self.path(path, quoting: entry.key), "expected a string, found \(entry.value.typeName)"
                )
                continue
            }
            entries.append((Located(entry.key, at: entry.keyLocation), text))
        }
        return entries
    }

    /// A duration string (`"10ms"`) in nanoseconds.
    func readDuration(_ value: TOMLValue, path: String) -> Int64? {
        guard case .string(let text) = value.kind else {
            diagnostics.report(.wrongType, at: value.location, path: path, "expected a duration string such as \"10ms\", found \(value.typeName)")
            return nil
        }
        switch ScenarioDuration.nanoseconds(from: text) {
        case .success(let nanoseconds):
            return nanoseconds
        case .failure(let problem):
            diagnostics.report(.durationInvalid, at: value.location, path: path, problem.message)
            return nil
        }
    }

    /// A count: a non-negative integer or `"all"`.
    func readCount(_ value: TOMLValue, path: String) -> Located<ExpectedCount>? {
        let expected = "expected a non-negative integer or \"all\""
        switch value.kind {
        case .integer(let number) where number >= 0:
            guard let count = Int(exactly: number) else { return nil }
            return Located(.exactly(count), at: value.location)
        case .integer(let number):
            diagnostics.report(.invalidValue, at: value.location, path: path, "\(expected), found \(number)")
        case .string("all"):
            return Located(.all, at: value.location)
        case .string(let text):
            diagnostics.report(.invalidValue, at: value.location, path: path, "\(expected), found \"\(text)\"")
        default:
            diagnostics.report(.wrongType, at: value.location, path: path, "\(expected), found \(value.typeName)")
        }
        return nil
    }

    // MARK: Paths

    /// `parent.key`, quoting `key` when it is not a bare TOML key (`upstream."m.openai"`).
    static func path(_ parent: String, quoting key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == "-" }
        if bare { return keyPath(parent, key) }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return keyPath(parent, "\"\(escaped)\"")
    }

    static func dictionary(_ entries: [(key: Located<String>, value: String)]) -> [String: String] {
        Dictionary(entries.map { ($0.key.value, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
