import Foundation
import SwitchyardConfig

/// How many requests a phase sends, as far as the expectations' checks are concerned.
enum PhaseRequests: Equatable {
    /// The phase has no `send`.
    case none
    /// A `send` table could not be read, so the total is not known.
    case unknown
    case exactly(Int)
}

extension ScenarioReader {
    static let phaseFields = ["name", "upstream", "revoke", "env", "unset", "send", "expect"]
    static let sendFields = ["function", "model", "count", "every", "episode", "variant", "credentials", "stream"]

    /// One `[[phase]]`; `names` collects the phase names seen so far, to report duplicates.
    func readPhase(_ value: TOMLValue, path: String, names: inout [String: SourceLocation], topEnvironment: [String: String]) -> Phase? {
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics, expecting: "a table (`[[phase]]`)") else { return nil }
        let name = readPhaseName(&reader, names: &names)
        let upstreams = reader.value("upstream").map { readUpstreams($0, path: keyPath(path, "upstream")) } ?? [:]
        let revoke = reader.stringArray("revoke") ?? []
        let environment = reader.value("env").map { readStringEntries($0, path: keyPath(path, "env")) } ?? []
        let unset = reader.stringArray("unset") ?? []
        let sendValue = reader.value("send")
        let sends = sendValue.map { readSends($0, path: keyPath(path, "send")) }
        let requests = Self.requests(sends)
        let expectations = reader.value("expect").map { readExpectations($0, path: keyPath(path, "expect"), requests: requests) } ?? Expectations()
        reader.rejectUnknownKeys(expected: Self.phaseFields)

        let phaseEnvironment = Self.dictionary(environment)
        checkUnset(unset, path: keyPath(path, "unset"), phaseEnvironment: phaseEnvironment, topEnvironment: topEnvironment)
        var effectiveEnvironment = topEnvironment.merging(phaseEnvironment) { _, phase in phase }
        for name in unset { effectiveEnvironment[name.value] = nil }
        let dynamicKeys = Set((sends ?? []).compactMap { $0 }.flatMap { $0.credentials.keys })
        checkRevoke(revoke, path: keyPath(path, "revoke"), environment: effectiveEnvironment, dynamicKeys: dynamicKeys, sendsKnown: requests != .unknown)

        guard let name else { return nil }
        return Phase(
            name: name.value, location: value.location, upstreams: upstreams, revoke: revoke, environment: phaseEnvironment,
            unset: unset, sends: (sends ?? []).compactMap { $0 }, expectations: expectations
        )
    }

    private func readPhaseName(_ reader: inout TableReader, names: inout [String: SourceLocation]) -> Located<String>? {
        guard let name = reader.string("name", required: true) else { return nil }
        if name.value.allSatisfy(\.isWhitespace) {
            diagnostics.report(.invalidValue, at: name.location, path: reader.path(of: "name"), "a phase name cannot be empty; reports identify phases by name")
        } else if let first = names[name.value] {
            diagnostics.report(
                .invalidValue, at: name.location, path: reader.path(of: "name"),
                "phase name \"\(name.value)\" is used twice; phase names must be unique", notes: ["first used at \(first)"]
            )
        } else {
            names[name.value] = name.location
        }
        return name
    }

    private static func requests(_ sends: [SendSpec?]?) -> PhaseRequests {
        guard let sends else { return .none }
        var total = 0
        for send in sends {
            guard let send else { return .unknown }
            let (sum, overflow) = total.addingReportingOverflow(send.count)
            if overflow { return .unknown }
            total = sum
        }
        return sends.isEmpty ? .unknown : .exactly(total)
    }

    private func checkUnset(_ unset: [Located<String>], path: String, phaseEnvironment: [String: String], topEnvironment: [String: String]) {
        for (index, name) in unset.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if phaseEnvironment[name.value] != nil {
                diagnostics.report(.invalidValue, at: name.location, path: itemPath, "`\(name.value)` is both set in this phase's `env` and unset")
            } else if topEnvironment[name.value] == nil {
                diagnostics.report(
                    .invalidValue, at: name.location, path: itemPath,
                    "`\(name.value)` is not set in the top-level `[env]`, so unsetting it changes nothing"
                )
            }
        }
    }

    private func checkRevoke(
        _ revoke: [Located<String>], path: String, environment: [String: String], dynamicKeys: Set<String>, sendsKnown: Bool
    ) {
        for (index, text) in revoke.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let location = CredentialLocation(parsing: text.value) else {
                diagnostics.report(.invalidCredentialLocation, at: text.location, path: itemPath, CredentialLocation.formatError(text.value))
                continue
            }
            switch location {
            case .env(let name) where name.isEmpty, .dynamic(let name) where name.isEmpty:
                diagnostics.report(.invalidValue, at: text.location, path: itemPath, "`\(text.value)` names no \(location.form == .env ? "variable" : "key")")
            case .env(let name) where environment[name] == nil:
                diagnostics.report(
                    .invalidValue, at: text.location, path: itemPath,
                    "`\(name)` is not set in this phase's environment, so revoking `\(text.value)` changes nothing"
                )
            case .dynamic(let key) where sendsKnown && !dynamicKeys.contains(key):
                diagnostics.report(
                    .invalidValue, at: text.location, path: itemPath,
                    "no `send` of this phase passes `credentials.\(key)`, so revoking `\(text.value)` changes nothing"
                )
            case .env, .dynamic, .path, .pathFromEnv, .sdk:
                break
            case .none:
                diagnostics.report(
                    .invalidValue, at: text.location, path: itemPath,
                    "`revoke` takes `env::`, `dynamic::`, `path::` or `path_from_env::` locations or `sdk`, found `none`"
                )
            }
        }
    }

    // MARK: Send

    /// `send`: one table or an array of tables. `nil` entries are sends that could not be read.
    private func readSends(_ value: TOMLValue, path: String) -> [SendSpec?] {
        switch value.kind {
        case .table:
            return [readSend(value, path: path)]
        case .array(let items):
            if items.isEmpty {
                diagnostics.report(
                    .invalidValue, at: value.location, path: path,
                    "`send = []` sends nothing; leave `send` out for a phase that only (re)starts the gateway"
                )
            }
            return items.enumerated().map { index, item in readSend(item, path: "\(path)[\(index)]") }
        default:
            diagnostics.report(.wrongType, at: value.location, path: path, "expected a table or an array of tables, found \(value.typeName)")
            return [nil]
        }
    }

    private func readSend(_ value: TOMLValue, path: String) -> SendSpec? {
        let errorsBefore = diagnostics.diagnostics.count
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return nil }
        let target = readTarget(&reader)
        let count = reader.unsigned("count")
        if let count, count.value == 0 {
            diagnostics.report(.invalidValue, at: count.location, path: reader.path(of: "count"), "`count` must be at least 1")
        }
        let every = reader.value("every").map { readDuration($0, path: keyPath(path, "every")) }
        let episode = reader.string("episode").flatMap { readEpisode($0, path: keyPath(path, "episode")) }
        let variant = reader.string("variant")
        let credentials = reader.value("credentials").map { readStringEntries($0, path: keyPath(path, "credentials")) } ?? []
        let stream = reader.bool("stream")
        reader.rejectUnknownKeys(expected: Self.sendFields)
        guard diagnostics.diagnostics.count == errorsBefore, let target else { return nil }
        return SendSpec(
            location: value.location, target: target, count: count.flatMap { Int(exactly: $0.value) } ?? 1, every: (every ?? nil) ?? 0,
            episode: episode ?? .random, pinnedVariant: variant?.value, credentials: Self.dictionary(credentials),
            stream: stream?.value ?? false
        )
    }

    private func readTarget(_ reader: inout TableReader) -> Located<SendSpec.Target>? {
        let function = reader.string("function")
        let model = reader.string("model")
        switch (function, model) {
        case let (function?, nil):
            return Located(.function(function.value), at: function.location)
        case let (nil, model?):
            return Located(.model(model.value), at: model.location)
        case let (function?, model?):
            let second = function.location < model.location ? model : function
            diagnostics.report(
                .invalidValue, at: second.location, path: reader.path(of: second.location == model.location ? "model" : "function"),
                "a send names either `function` or `model`, not both"
            )
        case (nil, nil):
            diagnostics.report(.missingField, at: reader.location, path: reader.path, "missing field `function` or `model`")
        }
        return nil
    }

    private func readEpisode(_ text: Located<String>, path: String) -> SendSpec.Episode? {
        switch text.value {
        case "random": return .random
        case "shared": return .shared
        default:
            guard UUID(uuidString: text.value) != nil else {
                diagnostics.report(
                    .invalidValue, at: text.location, path: path,
                    "expected \"random\", \"shared\" or a UUID such as \"0196f0c4-5a4e-7c3b-9d2e-1f0a2b3c4d5e\", found \"\(text.value)\""
                )
                return nil
            }
            return .fixed(text.value)
        }
    }
}
